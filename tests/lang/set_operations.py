# Union, intersection, difference, symmetric difference, subset tests.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)), sorted(a.union([9], (10,))))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, {9}.issubset(a))
print(a.issuperset({1, 2}), a.isdisjoint({7, 8}), a.isdisjoint(b))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {2}
print(sorted(c))
c.update([7, 8])
print(sorted(c))
print({1, 2} == {2, 1}, {1} == {1.0}, set() == set())
