# get, setdefault, pop, popitem, update, keys/values/items, clear, copy.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 99), d.setdefault("d", 4), d)
print(d.pop("b"), d.pop("zz", "missing"), d)
print(d.popitem(), d)
d.update({"x": 10, "a": -1})
d.update(y=20)
d.update([("z", 30)])
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
e = d.copy()
e["new"] = True
print(len(d), len(e))
d.clear()
print(d)
