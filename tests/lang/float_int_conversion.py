# Converting between float and int truncates toward zero and stays exact.
print(int(1e20), int(-1e20), int(1.9999), int(-1.9999))
print(int(2.0 ** 70), int(1e300) == 10 ** 300, int(1e300) > 10 ** 299)
print(float(2 ** 53 + 1), float(2 ** 63), float(-2 ** 63))
print(int(123.0), int(-0.9), int(0.9))
print(float(12345678901234567890))
