# next() on an exhausted iterator raises StopIteration, unless a default is given.
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)
print(next(it, "default"), next(iter([]), None))
empty = iter("")
try:
    next(empty)
except StopIteration:
    print("empty string iterator")
