# lru_cache and cache: memoised calls and their statistics
from functools import cache, lru_cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache
def sq(x):
    print("computing", x)
    return x * x
print(sq(3), sq(3), sq(4), sq.cache_info())
sq.cache_clear()
print(sq.cache_info())
@lru_cache(maxsize=2)
def ident(x):
    print("miss", x)
    return x
for v in [1, 2, 1, 3, 2, 1]:
    ident(v)
print(ident.cache_info())
@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(30), fact.cache_info(), fact.__name__)
print(sq(x=5), sq(x=5), sq.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())
