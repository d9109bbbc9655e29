# TypeError messages for calls that do not fit the signature.
def f(a, b):
    return a + b


def g(a, b=2, *, c):
    return a


def h():
    return None


calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=2),
    lambda: g(1),
    lambda: g(1, 2, 3, c=4),
    lambda: h(1),
    lambda: (lambda x: x)(),
    lambda: f(*[1, 2, 3]),
    lambda: f(**{"a": 1, "b": 2, "z": 3}),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
