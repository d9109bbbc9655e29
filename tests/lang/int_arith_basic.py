# Small-integer arithmetic.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a + b, b - a, 0 * a, a * -1)
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 100)
print(7 // 7, 0 // 5, 0 % 5, 10 % 1)
print((1 + 2) * 3, 1 + 2 * 3, 2 * 3 ** 2, (2 * 3) ** 2)
print(100 - 1 - 1, 2 ** 3 ** 2, 64 // 4 // 2)
x = 10
x = x * x - x
print(x)
