# KeyError, unhashable keys, and changing a dict while iterating over it.
d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    d[[1, 2]] = 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.pop("x")
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[{}]
except TypeError as e:
    print(type(e).__name__, e)
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[42]
except KeyError as e:
    print(type(e).__name__, e)
