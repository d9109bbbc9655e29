# fsum is exact; hypot and dist as CPython computes them
import math
print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum(range(10)))
print(math.fsum([math.inf, 1]), math.fsum([1e308, -1e308, 1.0]), math.fsum([0.3, 0.3, 0.3, -0.9]))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1), math.hypot(1, 2, 3), math.hypot(), math.hypot(-7))
print(math.hypot(1e300, 1e300), math.hypot(1e-300, 1e-300), math.hypot(math.inf, math.nan), math.hypot(0.1, 0.2, 0.3, 0.4))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.dist((1.5,), (-2.5,)))
print([math.hypot(x, x + 1) for x in range(1, 8)])
