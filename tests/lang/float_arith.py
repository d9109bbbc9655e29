# Float arithmetic and mixed int/float arithmetic.
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(1 + 2.0, 3 * 0.5, 10 - 0.25, 2 ** 0.5)
print(-a // b, -a % b, a // -b, a % -b)
print(0.1 * 3, 0.1 + 0.7, 1.1 * 1.1, 3.0 * 1.1)
print(1e308 * 10, -1e308 * 10)
print(2.5 - 2.5, -2.5 + 2.5, 0.0 * -1)
x = 1.0
for i in range(10):
    x = x / 3 * 3
print(x)
print(abs(-3.5), abs(3.5), abs(-0.0))
