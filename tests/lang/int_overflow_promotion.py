# Results that leave the machine-size range are exact.
max64 = 9223372036854775807
min64 = -9223372036854775808
print(max64 + 1, min64 - 1)
print(max64 * max64)
print(-min64, abs(min64))
print(min64 // -1, min64 % -1)
print(2 ** 62 + 2 ** 62, 2 ** 62 * 4)
x = max64
x += 1
x -= 1
print(x == max64, x + 1 - 1 == max64)
print(max64 + max64 - max64 == max64)
print(type(max64 + 1).__name__)
print(sum([max64, max64, max64]))
