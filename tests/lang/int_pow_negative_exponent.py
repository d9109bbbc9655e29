# A negative exponent gives a float; a float base or exponent gives a float.
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(2.0 ** 3, 4 ** 0.5, 2 ** 0.5, 9 ** 0.5)
print(0 ** 0, 0.0 ** 0, 1 ** -5)
print(type(2 ** 3).__name__, type(2 ** -3).__name__)
