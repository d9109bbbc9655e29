# Subscript targets: lists, dicts, nested, and in unpacking.
a = [0, 0, 0]
a[0] = "x"
a[-1] = "z"
print(a)
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid)
d = {}
d["k"] = [1, 2]
d["k"][1] = 20
print(d)
a[0], a[1] = a[1], a[0]
print(a)
i = 0
i, a[i] = 1, "assigned"
print(i, a)
d["x"], d["y"] = "xy"
print(d)
counts = {"a": [0]}
counts["a"][0] += 1
print(counts)
