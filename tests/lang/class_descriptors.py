class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 30
print(t.celsius, t.fahrenheit, t.__dict__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.__dict__)
print(Temperature.convert(100), t.convert(0))
print(Temperature.from_fahrenheit(212).celsius)
print(Temperature.describe(), t.describe())
print(type(Temperature.celsius).__name__, Temperature.celsius.__doc__)
print(isinstance(Temperature.__dict__["convert"], staticmethod))
print(isinstance(Temperature.__dict__["describe"], classmethod))


class Kelvin(Temperature):
    scale = "K"


print(Kelvin.describe(), type(Kelvin.from_fahrenheit(32)).__name__)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

    @classmethod
    def total(cls):
        return cls.count


Counter(), Counter()
print(Counter.total(), Counter().id)

area = property(lambda self: self.w * self.h)


class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h

    area = area

    def _get_perimeter(self):
        return 2 * (self.w + self.h)

    perimeter = property(_get_perimeter, doc="the perimeter")


r = Rect(2, 3)
print(r.area, r.perimeter, Rect.perimeter.__doc__)
