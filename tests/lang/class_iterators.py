class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(3)))
for n in Countdown(2):
    print("tick", n)
it = Countdown(2)
print(next(it), next(it), next(it, "done"))


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), sum(t), 3 in t, 9 in t)
print([x * 2 for x in t], dict.fromkeys(t))


class Range2:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


r = Range2(4)
print(list(r), len(r), 9 in r, list(reversed(r)), bool(Range2(0)))
a, b, *rest = Range2(5)
print(a, b, rest)
print(sorted(Countdown(4)), tuple(Countdown(2)), set(Countdown(3)))
print(list(zip(Countdown(3), "abc")), list(enumerate(Countdown(2))))
print(list(map(str, Countdown(2))), "-".join(map(str, Countdown(3))))
try:
    iter(Tree)
except TypeError as e:
    print(e)


class NotIter:
    pass


try:
    for x in NotIter():
        pass
except TypeError as e:
    print(e)
