# A comprehension has its own scope: its variable does not leak out.
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)


def scale(values, factor):
    return [v * factor for v in values]


print(scale([1, 2], 10))


def make_adders():
    return [lambda n, i=i: n + i for i in range(3)]


print([add(10) for add in make_adders()])
late = [lambda: i for i in range(3)]
print([f() for f in late])
n = 3
print([[n * j for j in range(i)] for i in range(n)])
print({k: n for k in "ab"})
