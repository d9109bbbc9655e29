class Point:
    """A point in the plane."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims)
q = p.moved(1)
print(q.x, q.y)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(type(p) is Point, type(p).__name__, p.__class__ is Point)
print(p.__dict__)
p.dims = 3
print(p.dims, Point.dims)
Point.dims = 5
print(Point.dims, Point(0, 0).dims)
print(repr(p).startswith("<__main__.Point object at 0x"))
print(str(p) == repr(p))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(repr(m).startswith("<bound method Point.norm2 of <__main__.Point object at 0x"))
print(Point.norm2(p))
print(Point)
print(isinstance(p, Point), isinstance(p, object), isinstance(3, Point))
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "z", "none"))
setattr(p, "z", 9)
print(p.z)
del p.z
print(hasattr(p, "z"))
