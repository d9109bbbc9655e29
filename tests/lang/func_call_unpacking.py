# * and ** unpack iterables and dicts into arguments.
def f(a, b, c):
    return f"a={a} b={b} c={c}"


args = [1, 2, 3]
print(f(*args))
print(f(*"xyz"))
print(f(1, *[2, 3]))
print(f(*[1], *(2,), 3))
kwargs = {"a": "A", "b": "B", "c": "C"}
print(f(**kwargs))
print(f(1, **{"c": 3, "b": 2}))
print(f(**{"a": 1}, **{"b": 2}, c=3))
print(f(*range(2), c="third"))
print(*[1, 2, 3], sep="-")
print(*"abc")
print(*[])


def collect(*args, **kwargs):
    return args, kwargs


print(collect(*[1, 2], *{3: "key"}, **{"x": 1}, y=2))
