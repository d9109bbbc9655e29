# Set comprehensions (printed sorted).
print(sorted({x % 4 for x in range(20)}))
print(sorted({c for c in "mississippi"}))
print(sorted({len(w) for w in "a bb cc ddd e".split()}))
print({x for x in range(5) if x > 10}, len({x for x in "aaa"}))
