class Vector:
    def __init__(self, *items):
        self.items = list(items)

    def __repr__(self):
        return f"Vector({', '.join(map(repr, self.items))})"

    def __str__(self):
        return "<" + ", ".join(str(i) for i in self.items) + ">"

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __add__(self, other):
        if isinstance(other, Vector):
            return Vector(*[a + b for a, b in zip(self.items, other.items)])
        return NotImplemented

    def __mul__(self, k):
        return Vector(*[a * k for a in self.items])

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return self * -1

    def __eq__(self, other):
        return isinstance(other, Vector) and self.items == other.items

    def __bool__(self):
        return any(self.items)

    def __call__(self, scale):
        return self * scale


v = Vector(1, 2, 3)
w = Vector(4, 5, 6)
print(v, repr(v), [v], len(v), v[0], v[-1], v[1:])
v[0] = 10
print(v, 10 in v, 99 in v)
del v[0]
print(v)
print(v + Vector(1, 1), 2 * v, v * 3, -v)
print(list(v), sorted(w, reverse=True), sum(w))
print(v == Vector(2, 3), v != Vector(2, 3), v == 5)
print(bool(Vector(0, 0)), bool(v), "yes" if Vector() else "no")
print(v(10))
print(f"{v} and {v!r}")
try:
    v + 1
except TypeError as e:
    print(e)
try:
    hash(v)
except TypeError as e:
    print(e)
a, b = v
print(a, b)
print(max(Vector(3, 9, 2)), min(Vector(3, 9, 2)))
print(dict(zip(Vector("a", "b"), Vector(1, 2))))
