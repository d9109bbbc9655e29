# A backslash before a newline inside a string removes the newline.
s = "abc\
def"
print(s, len(s))
t = 'x\
\
y'
print(t)
