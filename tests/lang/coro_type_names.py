# The kinds of objects def, async def and yield produce.
def plain():
    return 1


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


c = coro()
print(type(plain).__name__, type(gen).__name__, type(coro).__name__)
print(type(plain()).__name__, type(gen()).__name__, type(c).__name__, type(agen()).__name__)
c.close()
