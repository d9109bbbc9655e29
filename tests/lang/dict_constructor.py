# Ways to build dicts.
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]))
print(dict(zip("abc", range(3))), dict({"k": "v"}), dict({"k": 1}, extra=2))
print(dict([["list", "pair"]]), {**{"a": 1}, "b": 2, **{"a": 3}})
keys = ["k1", "k2"]
print({k: len(k) for k in keys})
