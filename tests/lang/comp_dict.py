# Dict comprehensions.
print({x: x * x for x in range(5)})
print({w: len(w) for w in ["one", "three", "five"]})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
d = {"x": 1, "y": 2, "z": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v != 2})
print({i: [j for j in range(i)] for i in range(4)})
print({c: i for i, c in enumerate("hello")})
