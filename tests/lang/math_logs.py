# log with and without base, of floats and of ints of any size
import math
for x in [1, 2, 2.718281828459045, 10, 100, 1000, 1e-10, 0.5, 2**100, 10**50, 3**1000]:
    print(x if x < 10**20 else "big", math.log(x), math.log2(x), math.log10(x), math.log(x, 3))
print(math.log(8, 2), math.log(1000, 10), math.log(2**1000, 2), math.log10(10**400), math.log(math.inf))
print(math.log1p(1e-20), math.log(1e-320))
