print("one")
print((1 + 2)))
