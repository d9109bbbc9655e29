class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __repr__(self):
        return f"Version({self.major}, {self.minor})"

    def _key(self):
        return (self.major, self.minor)

    def __eq__(self, other):
        return self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __hash__(self):
        return hash(self._key())


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs))
print(max(vs), min(vs))
print(Version(1, 0) < Version(1, 2), Version(2, 0) > Version(1, 5), Version(1, 1) >= Version(1, 1))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 0))
print({Version(1, 0), Version(1, 0), Version(2, 0)} == {Version(1, 0), Version(2, 0)})
print(len({Version(1, 0): "a", Version(1, 0): "b"}))


class OnlyEq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq.__hash__)
try:
    {OnlyEq(1)}
except TypeError as e:
    print(e)
try:
    OnlyEq(1) < OnlyEq(2)
except TypeError as e:
    print(e)


class Plain:
    pass


a = Plain()
print(a == a, a == Plain(), a != Plain(), len({a, a, Plain()}))
