# itertools.count and repeat show as CPython shows them: their state, not an address.
import itertools
c = itertools.count(5)
print(c, repr(itertools.count()), itertools.count(1.5), itertools.count(2, 3), itertools.count(0, 1.0))
next(c); next(c)
print(c, [c])
r = itertools.repeat('a', 3)
print(r, itertools.repeat([1]))
next(r)
print(r, str(r))
print(type(iter([])).__name__, repr(iter([]))[:20])
