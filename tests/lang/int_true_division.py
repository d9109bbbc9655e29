# `/` always gives a float, correctly rounded even for big integers.
print(7 / 2, 6 / 3, -7 / 2, 1 / 3, 2 / 3)
print(10 ** 20 / 10 ** 10, 10 ** 30 / 3)
print((2 ** 100 + 1) / 2 ** 100, 2 ** 100 / 3 ** 50)
print(1 / 7, 22 / 7, 0 / 5, -0 / 5)
print(type(4 / 2).__name__)
