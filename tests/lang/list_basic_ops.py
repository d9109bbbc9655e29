# List literals, indexing, length, concatenation, repetition, membership.
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[1])
print(a + [4, 5], a * 2, [0] * 4, [] * 3, 2 * [None])
print(2 in a, 5 in a, 5 not in a, [] == [], [1, [2]] == [1, [2]])
a[0] = "first"
a[-1] = 3.5
print(a)
mixed = [1, "two", 3.0, None, True, [5], (6,), {"k": 7}]
print(mixed, len(mixed))
print(list(), [[]], [[], []], len([[]]))
empty = []
print(empty, bool(empty), len(empty))
