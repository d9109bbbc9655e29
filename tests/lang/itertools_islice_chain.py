# islice and chain
from itertools import chain, islice
print(list(islice(range(10), 3)), list(islice(range(10), 2, 8, 2)), list(islice(range(10), 2, None)), list(islice("abcdefg", 1, 6, 3)))
print(list(islice(range(3), 5, 10)), list(islice(range(10), None)), list(islice(range(10), 0, None, 3)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), list(it))
print(list(chain("ab", [1, 2], (3,))), list(chain.from_iterable(["xy", "z"])), list(chain()), list(chain([], [])))
print(list(chain.from_iterable([range(2), range(3)])), "".join(chain("abc", "def")))
def gen():
    yield 1
    yield 2
print(list(chain(gen(), gen())), sum(chain([1, 2], {3: 0})))
for bad in [lambda: islice([1], -1), lambda: islice([1], 0, 5, 0), lambda: islice([1], "a", 5), lambda: islice(), lambda: list(chain(1))]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
