# partial objects: call, attributes, repr, nesting
from functools import partial
def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5), cube(2), square(base=3), square.args, square.keywords, square.func is power)
to_int = partial(int, base=2)
print(to_int("1010"), to_int("11"), partial(max, 10)(3, 20))
p = partial(print, "a", sep="-")
p("b", "c")
print(repr(p))
p2 = partial(p, "z")
print(repr(p2), p2.args, p2.func)
p2(end="!\n")
print(list(map(partial(pow, 2), range(6))), sorted(["b", "A", "c"], key=partial(str.lower)))
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)
print(callable(square), type(square).__name__)
