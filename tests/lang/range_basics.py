# range: lazy arithmetic sequences.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)), list(range(3, -3, -2)))
r = range(1, 100, 7)
print(r, len(r), r[0], r[-1], r[3], 15 in r, 14 in r)
print(range(5), range(1, 5), range(1, 10, 2), type(r).__name__)
print(len(range(10, 0, -1)), range(3) == range(0, 3), r.index(22), r.count(8))
big = range(2 ** 40, 2 ** 40 + 5)
print(big[2], 2 ** 40 + 4 in big, len(big))
total = 0
for i in range(100):
    total += i
print(total, sum(range(1, 101)))
try:
    range(1, 5, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(3)[5]
except IndexError as e:
    print(type(e).__name__, e)
