# Driving a coroutine by hand: send(None) runs it; its return value rides on StopIteration.
async def add(a, b):
    return a + b


async def nothing():
    pass


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("the coroutine suspended")


print(run(add(2, 3)))
print(run(nothing()))
print(run(add("a", "b")))
