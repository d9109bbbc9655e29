# count, repeat and cycle are lazy: take only what you need
from itertools import count, cycle, islice, repeat
import itertools
print(list(islice(count(5), 4)), list(islice(count(2.5, 0.5), 3)), list(islice(count(10, -3), 4)), list(islice(count(), 3)))
print(list(repeat("a", 3)), list(repeat(1, 0)), list(repeat(2, -1)), list(islice(repeat(7), 2)), list(repeat(None, times=2)))
print(list(islice(cycle("abc"), 8)), list(cycle([])), list(islice(cycle(range(2)), 5)))
c = count(1)
print(next(c), next(c), next(c))
for i, color in zip(count(1), ["red", "green"]):
    print(i, color)
lights = cycle(["green", "yellow", "red"])
print([next(lights) for _ in range(5)])
print(type(itertools.count()).__name__, list(map(pow, range(5), repeat(2))))
big = count(2**63 - 2)
print(next(big), next(big), next(big), next(big))
