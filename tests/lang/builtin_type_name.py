# type() returns a value's type; its __name__ is the type's name.
values = [1, 2 ** 100, 1.5, True, None, "s", [1], (1,), {"k": 1}, {1}, range(2)]
for v in values:
    print(type(v).__name__)
print(type(1) == int, type(True) == int, type(True) == bool, type("s") is str)
print(type(1), type("x"), type(None), type([]))
print(int.__name__, str.__name__, list.__name__, type(int).__name__)
print(type(3)(4.5), type("")(12), type([])("ab"))
