# int, float, str, repr and bool as conversion functions.
print(int("12") + int(3.9), float("2.5") * 2, str(12) + str(3.5), bool("x"), bool(""))
print(repr("a"), repr(1), repr(1.0), repr(None), repr([1, "b"]), repr((1,)))
print(str("x"), repr('x"y'), str(str(5)), int(str(-12)), float(str(0.5)))
print(int(), float(), str(), bool(), repr(""))
print(bool([]), bool([0]), bool(0.0), bool(-1), bool(None), bool({}))
