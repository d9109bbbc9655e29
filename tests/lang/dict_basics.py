# Dicts: insertion order, lookup, assignment, membership, deletion.
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"])
d["one"] = 100
print(d)
print("one" in d, "four" in d, 1 in d, "four" not in d)
del d["two"]
print(d)
d["two"] = 2
print(list(d))
empty = {}
print(empty, len(empty), bool(empty), type(empty).__name__)
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested)
