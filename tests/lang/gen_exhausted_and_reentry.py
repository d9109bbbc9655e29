# An exhausted generator stays exhausted; a running one cannot be re-entered.
def two():
    yield 1
    yield 2


g = two()
print(list(g), list(g), next(g, "still empty"))


def self_reference():
    yield next(me)


me = self_reference()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
