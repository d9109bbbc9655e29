# is compares identity, == compares value.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, True is True, False is not True)
x = None
print(x is None, x is not None)
def f():
    return a
print(f() is a)
empty1 = []
empty2 = []
print(empty1 is empty2, empty1 == empty2)
