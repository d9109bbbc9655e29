# A backslash at the end of a line joins it with the next.
total = 1 + \
    2 + \
        3
print(total)
if total == 6 and \
   total > 0:
    print("joined condition")
word = "abc" \
       "def"
print(word)
x = [1,
     2] + \
    [3]
print(x)
