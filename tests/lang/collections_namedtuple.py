# collections.namedtuple: fields by name and by position, defaults, _replace, _asdict
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p[:1])
x, y = p
print(x, y, p == (1, 2), p == Point(1, 2), p != Point(2, 1), p < Point(1, 3))
print(Point(x=5, y=6), Point(7, y=8), Point._fields, repr(Point), Point.__name__, type(p).__name__)
print(p._replace(y=10), p._asdict(), 2 in p, 3 in p, max(p), sum(p))
Car = namedtuple("Car", "make model year", defaults=[2020])
print(Car("vw", "golf"), Car("fiat", "500", 1999), Car._field_defaults)
Color = namedtuple("Color", "red, green, blue")
c = Color(255, 128, 0)
print(c, f"{c.red:02x}{c.green:02x}{c.blue:02x}", c._fields)
people = [namedtuple("Person", "name age")("ann", 31), namedtuple("Person", "name age")("bob", 25)]
print(sorted(people, key=lambda person: person.age))
print({p: "origin"}, [Point(i, i * i) for i in range(3)])
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: namedtuple("1a", "x"),
            lambda: namedtuple("A", "_x"), lambda: namedtuple("A", "x x"), lambda: namedtuple("A", "class"), lambda: p._replace(z=1),
            lambda: p[5], lambda: Car(), lambda: namedtuple("T", "a b c")()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
