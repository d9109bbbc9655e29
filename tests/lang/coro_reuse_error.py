# A finished coroutine cannot be resumed or awaited again.
async def once():
    return 1


c = once()
try:
    c.send(None)
except StopIteration as e:
    print("first run returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


async def awaits_twice():
    inner = once()
    first = await inner
    try:
        await inner
    except RuntimeError as e:
        print(type(e).__name__, e)
    return first


try:
    awaits_twice().send(None)
except StopIteration as e:
    print("returned", e.value)
