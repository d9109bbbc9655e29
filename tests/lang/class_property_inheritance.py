class Person:
    def __init__(self, first, last):
        self.first = first
        self.last = last

    @property
    def name(self):
        return f"{self.first} {self.last}"

    @name.setter
    def name(self, value):
        self.first, self.last = value.split(" ", 1)

    @property
    def title(self):
        return "Person"


class Doctor(Person):
    @property
    def title(self):
        return "Dr. " + super().title

    @property
    def name(self):
        return "Dr. " + Person.name.fget(self)


p = Person("ada", "lovelace")
p.name = "grace hopper"
print(p.name, p.first, p.title)
d = Doctor("john", "watson")
print(d.name, d.title)
try:
    d.name = "x y"
except AttributeError as e:
    print(e)
print(type(Person.__dict__["name"]).__name__, Person.name.fset is not None, Doctor.name.fset)


class Lazy:
    def __init__(self):
        self.computed = 0

    @property
    def value(self):
        self.computed += 1
        return 42


lz = Lazy()
print(lz.value, lz.value, lz.computed)
print(hasattr(lz, "value"), getattr(lz, "value"), lz.computed)
