class A:
    def who(self):
        return "A"

    def __repr__(self):
        return f"<{self.who()}>"

    @classmethod
    def make(cls):
        return f"A.make for {cls.__name__}"


class B(A):
    def who(self):
        return "B" + super().who()

    @classmethod
    def make(cls):
        return "B.make -> " + super().make()


class C(B):
    def who(self):
        return "C" + super(C, self).who()

    def skip(self):
        return super(B, self).who()


c = C()
print(c.who(), c.skip(), repr(c), C.make(), B.make())
print(super(C, c).who(), type(super(C, c)).__name__)


class Base:
    def __init__(self, **kwargs):
        self.settings = dict(kwargs)


class Mid(Base):
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name


class Leaf(Mid):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, level=3, **kwargs)


leaf = Leaf("x", color="red")
print(leaf.name, leaf.settings)


class Logged(Exception):
    def __str__(self):
        return "logged: " + super().__str__()


print(str(Logged("disk full")), repr(Logged("disk full")))


class Plain:
    def __init__(self):
        super().__init__()
        self.ok = True

    def __str__(self):
        return "plain " + super().__str__()[:9]


print(Plain().ok, str(Plain()))
try:
    super(int, "x")
except TypeError as e:
    print(e)
