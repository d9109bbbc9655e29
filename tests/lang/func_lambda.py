# lambda makes small anonymous functions.
add = lambda a, b: a + b
print(add(2, 3))
print((lambda: "no args")())
print((lambda x, y=10: x * y)(3))
print((lambda *args: len(args))(1, 2, 3))
print((lambda **kw: sorted(kw))(b=1, a=2))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(filter(lambda n: n % 3 == 0, range(10))))
make_multiplier = lambda n: lambda x: x * n
triple = make_multiplier(3)
print(triple(7))
print((lambda x: (x, x * 2))(4))
print(type(add).__name__, add.__name__)
