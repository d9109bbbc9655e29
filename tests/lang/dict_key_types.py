# Keys are compared by value and hash: 1, 1.0 and True are the same key.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d = {}
d[(1, "a")] = "tuple"
d[None] = "none"
d[-5] = "negative"
d[2 ** 100] = "big"
d["2"] = "string"
d[2.5] = "float"
print(d)
print(d[(1, "a")], d[None], d[2 ** 100], d[2.5])
print({0: "zero"}[0.0], {0: "zero"}[False], {"": "empty"}[""])
