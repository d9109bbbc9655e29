# collections.defaultdict: missing keys get default_factory()
from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(groups["a"], groups["z"], len(groups), "z" in groups, sorted(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(counts, counts.default_factory)
print(sorted(counts.items()), counts.get("q"), counts.get("l"), list(counts.keys())[:3])
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], len(nested), type(nested["x"]).__name__)
plain = defaultdict(None, {"a": 1})
print(plain, plain.default_factory)
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
d = defaultdict(set, a={1})
d["b"].add(2)
print(d, d == {"a": {1}, "b": {2}}, d.pop("a"), d)
cp = d.copy()
cp["c"].add(3)
print(cp, d)
del cp["c"]
print(cp, cp.setdefault("k", 5), cp)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
