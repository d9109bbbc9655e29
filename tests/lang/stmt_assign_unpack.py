# Unpacking into tuples and lists of targets, nested.
a, b = 1, 2
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = [6, 7]
print(f, g)
h, (i, [j, k]) = 8, (9, [10, 11])
print(h, i, j, k)
p, q = "pq"
r, s = range(2)
t, u = {"t": 1, "u": 2}
print(p, q, r, s, t, u)
for index, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(index, name, score)
(v) = 12
print(v)
pairs = [(1, 2), (3, 4)]
for x, y in pairs:
    print(x + y)
