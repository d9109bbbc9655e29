# map and filter are lazy.
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb"])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(lambda n: n > 2, range(6))))
m = map(lambda x: x * 10, range(3))
print(type(m).__name__, next(m), list(m), list(m))
print(sum(map(int, "1 2 3".split())))
