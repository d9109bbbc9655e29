# Multiplication promotes to big integers on overflow, and mixes big and small.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a * b)
print(a * 0, a * 1, a * -1)
print(a * a * a)
print(3037000500 * 3037000500)
print(-3037000500 * 3037000500)
print(4294967296 * 4294967296)
print(9223372036854775807 * 2)
print(-9223372036854775808 * -1)
x = 1
for i in range(10):
    x = x * 1000003
print(x)
print(a * b // b == a)
