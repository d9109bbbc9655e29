# reduce with and without an initial value
from functools import reduce
import functools
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde"], 0), reduce(lambda a, b: b + a, "hello"), reduce(lambda a, b: a, [], "empty"))
print(functools.reduce(lambda d, k: {**d, k: len(k)}, ["x", "yy"], {}))
for args in [(lambda a, b: a, []), (lambda a, b: a, 5), (max,), (max, [1], 0, 1)]:
    try:
        reduce(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    reduce(lambda a, b: a / b, [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
