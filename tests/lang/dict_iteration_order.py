# Iteration follows insertion order; re-inserting a deleted key moves it to the end.
d = {}
for key in ["zebra", "apple", "mango", "kiwi"]:
    d[key] = len(key)
for key in d:
    print(key, d[key])
del d["apple"]
d["apple"] = 0
print(list(d))
for key, value in d.items():
    print(key, "->", value)
for value in d.values():
    print(value, end=" ")
print()
ints = {}
for i in [5, 3, 100, -1, 0]:
    ints[i] = str(i)
print(ints)
