# int() from strings, floats and bools.
print(int("42"), int("-17"), int("  7  "), int("+3"), int("0"))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e20))
print(int(True), int(False), int())
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0x1f", 16), int("0b101", 2), int("0o17", 8), int("0x1f", 0), int("10", 0))
print(int("1_000_000"), int("123456789012345678901234567890"))
print(int("-123456789012345678901234567890") + 1)
print(int(42), int(-0.0))
