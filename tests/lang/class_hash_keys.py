class Key:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return f"Key({self.name!r})"


d = {Key("a"): 1, Key("b"): 2}
d[Key("a")] = 10
print(d, d[Key("b")], Key("a") in d, Key("z") in d, d.get(Key("z"), 0))
s = {Key("x"), Key("x"), Key("y")}
print(len(s), Key("y") in s, sorted(k.name for k in s))


class Ident:
    pass


i1, i2 = Ident(), Ident()
print(len({i1, i2, i1}), {i1: 1}[i1], hash(i1) == hash(i1), hash(i1) != hash(i2))


class Unhashable:
    __hash__ = None


try:
    {Unhashable()}
except TypeError as e:
    print(e)


class BadHash:
    def __hash__(self):
        return "h"


try:
    hash(BadHash())
except TypeError as e:
    print(e)


class Sub(Key):
    pass


print(Sub("a") == Key("a"), {Sub("q"): 1}[Key("q")])
