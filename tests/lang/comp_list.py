# List comprehensions: mapping, filtering, several for clauses, nesting.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([x for x in range(30) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in "ab"])
print([[r * c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([n for row in matrix for n in row])
print([[row[i] for row in matrix] for i in range(3)])
print([c.upper() for c in "abc" if c != "b"])
print([x if x > 0 else 0 for x in [-2, 3, -1, 4]])
print([i for i in []], [_ for _ in "x"])
words = ["apple", "kiwi", "banana"]
print([(w, len(w)) for w in words if len(w) > 4])
