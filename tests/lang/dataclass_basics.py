from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(p), p.x, p.y)
print(Point(3), Point(y=5, x=4), Point(1, 2) == p, Point(1, 3) == p, p == (1, 2))
print(Point.__hash__, Point.y, Point.__annotations__)
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9))
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3))


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)

    def add(self, item):
        self.items.append(item)
        self.count += 1


a, b = Inventory("a"), Inventory("b")
a.add("apple")
print(a, b, a.count, a.items is b.items)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(1, 2), Version(0, 9), Version(1)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
print(hash(Version(1, 2)) == hash(Version(1, 2)), len({Version(1), Version(1, 0)}))
try:
    vs[0].major = 5
except AttributeError as e:
    print(type(e).__name__, e)


@dataclass
class Employee(Point):
    name: str = "anon"
    salary: float = 1000.0

    def __post_init__(self):
        self.tag = f"{self.name}@{self.x}"


e = Employee(1, 2, "ada")
print(e, e.tag, fields(e)[2].name, asdict(e))


@dataclass()
class Empty:
    pass


print(Empty(), Empty() == Empty())


@dataclass(eq=False)
class Node:
    value: int
    children: list = field(default_factory=list)


n = Node(1, [Node(2)])
print(n, n == Node(1, [Node(2)]), hash(n) == hash(n))


@dataclass
class Custom:
    a: int

    def __repr__(self):
        return "custom!"


print(Custom(1), Custom(1) == Custom(1))
