from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int


for args, kwargs in [((1,), {}), ((), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((1, 2), {"z": 3})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print(e)

try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)

try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print(e)

try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)


@dataclass(frozen=True)
class Frozen:
    v: int


f = Frozen(1)
try:
    del f.v
except AttributeError as e:
    print(type(e).__name__, e)
f.v = 2
