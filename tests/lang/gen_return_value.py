# A generator's return value travels in StopIteration.value.
def produce():
    yield "x"
    return 42


g = produce()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)


def no_return():
    yield 1


h = no_return()
next(h)
try:
    next(h)
except StopIteration as e:
    print("value without return:", e.value)


def returns_immediately():
    return "early"
    yield


try:
    next(returns_immediately())
except StopIteration as e:
    print("immediate:", e.value)
