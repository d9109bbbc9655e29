print("no final newline")
x = 3
print(x * 2)