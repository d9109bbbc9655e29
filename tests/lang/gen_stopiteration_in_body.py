# A StopIteration escaping a generator body becomes RuntimeError (PEP 479).
def leaky():
    yield 1
    next(iter([]))
    yield 2


g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


def raises_directly():
    raise StopIteration("explicit")
    yield


try:
    list(raises_directly())
except RuntimeError as e:
    print(type(e).__name__, e)
