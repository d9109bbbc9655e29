# Tuples: packing, indexing, slicing, methods, hashing.
t = (1, "two", 3.0)
print(t, len(t), t[0], t[-1], t[1:], type(t).__name__)
single = (5,)
also_single = 5,
print(single, also_single, (5), (), len(()))
print(t + (4,), t * 2, 2 in t, "x" in t)
print((1, 2, 2, 3).count(2), (1, 2, 3).index(3))
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple())
print(hash((1, 2)) == hash((1, 2)))
