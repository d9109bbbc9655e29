class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Money(self.cents // k)

    def __floordiv__(self, k):
        return self.cents // k

    def __mod__(self, k):
        return Money(self.cents % k)

    def __pow__(self, k):
        return Money(self.cents ** k)

    def __neg__(self):
        return Money(-self.cents)

    def __pos__(self):
        return self

    def __abs__(self):
        return Money(abs(self.cents))

    def __iadd__(self, other):
        print("in-place add")
        self.cents += other.cents
        return self

    def __lshift__(self, n):
        return Money(self.cents << n)

    def __and__(self, other):
        return Money(self.cents & other)

    def __or__(self, other):
        return Money(self.cents | other)

    def __xor__(self, other):
        return Money(self.cents ^ other)

    def __invert__(self):
        return Money(~self.cents)


a, b = Money(150), Money(25)
print(a + b, a - b, a * 2, 3 * b, a / 4, a // 7, a % 7, b ** 2)
print(-a, +a, abs(Money(-5)), a + 1, 1 + a, sum([a, b, Money(1)]))
print(a << 2, a & 6, a | 1, a ^ 3, ~a)
c = a
c += b
print(c, a, c is a)
d = b
d -= Money(5)
print(d, b, d is b)
d *= 2
print(d)
try:
    a + "x"
except TypeError as e:
    print(e)
try:
    "x" - a
except TypeError as e:
    print(e)
try:
    a @ b
except TypeError as e:
    print(e)


class Celsius:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return NotImplemented


print(Celsius(1) == Celsius(1), Celsius(1) != 5)
