import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(f"{math.pi:.5f}", round(math.e, 3), math.isnan(math.nan), math.inf > 10**308)
