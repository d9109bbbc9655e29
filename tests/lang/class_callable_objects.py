class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5))
print(list(map(add5, [1, 2])), sorted([3, 1, 2], key=Adder(-1)))


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


c = Counter()
c(), c()
print(c(), c.calls)


class NotCallable:
    pass


try:
    NotCallable()()
except TypeError as e:
    print(e)


class Factory:
    def __init__(self, cls):
        self.cls = cls

    def __call__(self, *args):
        return self.cls(*args)


make = Factory(Adder)
print(make(7)(1), type(make(1)).__name__)
methods = [Adder(i) for i in range(3)]
print([m(10) for m in methods])
