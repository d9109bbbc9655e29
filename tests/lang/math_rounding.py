# floor, ceil and trunc return ints; of ints they return the int itself
import math
for x in [2.5, -2.5, 0.0, -0.0, 3, True, 1e20, -1e-300, 2**80, 7.999999999999999]:
    print(repr(x), math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(math.floor(10 / 3), math.ceil(10 / 3), math.fabs(-3), math.fabs(2**70))
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf), math.frexp(8.0), math.frexp(0.0), math.frexp(-3), math.ldexp(0.75, 4))
print(math.copysign(1, -0.0), math.copysign(3.5, 2), math.fmod(7, -3), math.fmod(-7.5, 2), 7 % -3)
