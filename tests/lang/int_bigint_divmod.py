# Division and remainder with big integers, including negative operands.
big = 2 ** 100 + 12345
print(big // 7, big % 7)
print(-big // 7, -big % 7)
print(big // -7, big % -7)
print(divmod(big, 10 ** 10))
print(divmod(-big, 10 ** 10))
print(big // big, big % big, big // (big + 1))
print(10 ** 40 // 10 ** 20, 10 ** 40 % (10 ** 20 + 3))
print(big / 2 ** 90)
print((3 ** 80) // (3 ** 40) == 3 ** 40)
