# accumulate and groupby
from itertools import accumulate, groupby
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([1, 2], initial=100)), list(accumulate([], initial=5)), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate("abc")))
print(list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=10)))
for key, group in groupby("AAAABBBCCDAABBB"):
    print(key, list(group))
print([k for k, g in groupby("AAAABBBCCD")])
words = sorted(["apple", "avocado", "banana", "blueberry", "cherry"])
print([(k, len(list(g))) for k, g in groupby(words, key=lambda w: w[0])])
groups = [(k, g) for k, g in groupby("aabb")]
print([(k, list(g)) for k, g in groups])
data = [("x", 1), ("x", 2), ("y", 3)]
for key, items in groupby(data, lambda pair: pair[0]):
    print(key, [v for _, v in items])
print(list(groupby([])), [(k, list(g)) for k, g in groupby([1, 1.0, True, 2])])
