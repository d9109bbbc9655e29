# min and max: several arguments or one iterable, with key and default.
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max((4, 2, 8)))
print(min("hello"), max("hello"), min(["b", "a"]), max(range(10)))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([], default="empty"), min([], default=None))
print(max([-3, 2, -5], key=abs), min(-3, 2, -5, key=abs))
print(max(1, 2.5), min(2, 2.0), max([1, 3, 3, 2]), max("a", "b", "c"))
print(max([(1, "b"), (1, "a"), (0, "z")]))
