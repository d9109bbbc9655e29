# Unary minus, plus, invert and not.
x = 5
print(-x, +x, ~x, not x)
print(- -x, -(-x), --x, ~~x)
print(-0, +0, ~0, not 0)
y = -2 ** 65
print(-y, +y, ~y)
print(-True, +False, ~True)
print(-1.5, +1.5, not 0.0, not "")
