# the float functions, printed at full precision
import math
for x in [0.0, 0.25, 0.5, 1, 2, 10, 123.456]:
    print(x, math.sqrt(x), math.exp(x), math.sin(x), math.cos(x), math.tan(x), math.atan(x))
    print(" ", math.sinh(x), math.cosh(x), math.tanh(x), math.expm1(x), math.log1p(x), math.asinh(x))
print(math.asin(0.5), math.acos(0.5), math.atan2(1, -1), math.atan2(-0.0, -1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))
print(math.pow(2, 10), math.pow(2, -1), math.pow(4, 0.5), math.pow(-8, 3), math.pow(0, 0), math.pow(math.inf, 0))
print(math.erf(0.5), math.erfc(0.5), math.exp(-745.1), math.exp(709))
