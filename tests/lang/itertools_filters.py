# zip_longest, starmap, takewhile, dropwhile, filterfalse, pairwise, tee
from itertools import dropwhile, filterfalse, pairwise, starmap, takewhile, tee, zip_longest
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1, 2], [3])), list(zip_longest()))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [[1, 2, 3], (4,)])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", [], [0]])))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee("abc", 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
x, y = tee(range(1000))
print(sum(x), sum(y), tee([1], 0))
for bad in [lambda: starmap(), lambda: list(starmap(pow, [1])), lambda: pairwise(1), lambda: takewhile(len)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
