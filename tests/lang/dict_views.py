# keys(), values() and items() are live views.
d = {"a": 1, "b": 2}
keys = d.keys()
values = d.values()
items = d.items()
d["c"] = 3
print(keys, values, items)
print(len(keys), "a" in keys, ("a", 1) in items, 3 in values)
print(sorted(keys), list(values), list(items))
for k, v in items:
    print(k, v)
