# iter makes an iterator from an iterable; next takes its next item.
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"))
s = iter("ab")
print(next(s), next(s))
d = iter({"k1": 1, "k2": 2})
print(next(d), list(d))
r = iter(range(3))
print(list(r), list(r))
it2 = iter([1, 2, 3])
for x in it2:
    print("loop", x)
    if x == 1:
        print("skipped", next(it2))
t = iter((1,))
print(iter(t) is t)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
