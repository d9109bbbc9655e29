# Methods of built-in types are bound to their object and can be passed around.
items = []
add = items.append
for i in range(3):
    add(i)
print(items)
lookup = {"a": 1}.get
print(lookup("a"), lookup("b", 0))
splitter = "a,b;c".split
print(splitter(","), splitter(";"))
print(list(map(str.upper, ["x", "y"])), list(map("-".join, ["ab", "cd"])))
counts = {}
inc = counts.setdefault
inc("k", 0)
print(counts)
