# {**m} and f(**m) take any mapping (a dict, or an object with keys() and __getitem__), and
# their errors name the function as CPython does.
from collections import defaultdict, Counter
dd = defaultdict(list, a=[1])
print({**dd, 'b': 2})
def f(**kw): return kw
print(f(**dd), f(**Counter("aab")))
class M:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k * 2
print({**M()}, f(**M()))
try:
    f(**M(), x=1)
except TypeError as e:
    print(e)
try:
    {**[1]}
except TypeError as e:
    print(e)
try:
    f(**[1])
except TypeError as e:
    print(e)
