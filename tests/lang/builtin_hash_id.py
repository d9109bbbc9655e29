# hash is consistent with ==; id is stable for an object's lifetime.
print(hash(0), hash(1), hash(12345), hash(True), hash(False))
print(hash(1) == hash(1.0), hash(2 ** 10) == hash(1024.0), hash("abc") == hash("ab" + "c"))
print(hash((1, "a")) == hash((1, "a")), hash(None) == hash(None))
print(isinstance(hash("text"), int), isinstance(hash(1.5), int))
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
a = [1]
b = [1]
print(id(a) == id(a), id(a) != id(b), isinstance(id(a), int), id(a) == id(a[:]))
x = a
print(id(x) == id(a))
