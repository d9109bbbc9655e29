class LookupFailed(Exception):
    pass


def find(d, key):
    try:
        return d[key]
    except KeyError:
        raise LookupFailed(f"no {key!r}") from None


try:
    find({}, "x")
except LookupFailed as e:
    print(e, e.__cause__, e.__suppress_context__, repr(e.__context__))
find({"a": 1}, "b")
