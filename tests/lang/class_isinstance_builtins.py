class MyError(KeyError):
    pass


class Thing:
    pass


values = [1, True, 2.5, "s", [1], (1,), {1: 2}, {1}, None, Thing(), MyError("k"), Thing, len]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (str, list)), isinstance(v, object),
          isinstance(v, (Thing, LookupError)))
print(issubclass(MyError, LookupError), issubclass(MyError, (ValueError, Exception)), issubclass(Thing, object))
print(issubclass(bool, int), issubclass(int, bool), isinstance(Thing, type), isinstance(int, type))
print(type(Thing()) is Thing, type(Thing) is type, type(MyError("x")) == MyError)
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(Thing(), Thing)
except TypeError as e:
    print(e)
print(Thing.__name__, int.__name__, MyError.__module__, int.__module__, Thing.__module__)
