# isclose, isfinite, isinf, isnan
import math
print(0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(1.0, 1.0000000001), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308 * 10), math.isnan(float("nan")), math.isnan(5))
