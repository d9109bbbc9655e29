# abs, round and divmod on ints and floats.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-2 ** 70), abs(True))
print(round(3.7), round(-3.7), round(3.14159, 2), round(2.5), round(15, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod(-7.5, 2))
print(divmod(2 ** 70, 3), divmod(0, 7))
