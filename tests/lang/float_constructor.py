# float() from strings and numbers.
print(float("1.5"), float("  -2.25  "), float("3"), float("1e3"), float("-1E-2"))
print(float("inf"), float("-Infinity"), float("nan"), float("+1.5"))
print(float(3), float(-7), float(True), float(), float(2 ** 60))
print(float(".5"), float("5."), float("1_000.5"), float("0"))
print(float(10 ** 20), float(-(10 ** 20)))
