# enumerate pairs each item with a counter.
for i, ch in enumerate("abc"):
    print(i, ch)
print(list(enumerate(["x", "y"], start=1)), list(enumerate([], 5)))
print(list(enumerate(range(10, 13), 100)))
e = enumerate("hi")
print(next(e), next(e), next(e, "end"))
print(dict(enumerate("ab")))
