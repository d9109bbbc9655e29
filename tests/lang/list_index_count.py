# Searching lists: index, count, in.
a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(a.index(5), a.index(1), a.index(5, 5), a.index(3, 1))
print(a.count(5), a.count(1), a.count(7), [[1], [1]].count([1]))
print(9 in a, 10 in a)
