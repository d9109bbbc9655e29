# Infinities and NaN.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("-nan"))
print(inf + 1, inf * 2, -inf * 2, inf - inf, inf * 0)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(inf == inf, inf > 1e308, -inf < -1e308)
print(1 / inf, -1 / inf)
print(repr(inf), str(nan), [inf, nan])
x = nan
print(x == x, x is x)
print(max(1.0, inf), min(1.0, -inf))
