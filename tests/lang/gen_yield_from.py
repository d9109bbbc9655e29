# yield from delegates to a sub-generator and evaluates to its return value.
def inner():
    yield 1
    yield 2
    return "inner result"


def outer():
    result = yield from inner()
    print("  inner returned", repr(result))
    yield 3


print(list(outer()))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))


def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield "node" + str(depth)
    yield from tree(depth - 1)
    yield from tree(depth - 1)


print(list(tree(2)))
