# iscoroutinefunction tells async def functions from plain ones; iscoroutine tells a
# coroutine object from other values. In 3.11 a generator object still counts as a
# coroutine (a leftover of generator-based coroutines), a task does not.
import asyncio

async def native():
    return 1

def plain():
    return 1

def gen():
    yield 1

async def agen():
    yield 1

async def main():
    for f in (native, plain, gen, agen, lambda: None, print):
        print("iscoroutinefunction", getattr(f, "__name__", "?"), asyncio.iscoroutinefunction(f))
    coro = native()
    values = [("coroutine", coro), ("generator", gen()), ("int", 3), ("function", native),
              ("task", asyncio.create_task(native()))]
    for label, value in values:
        print("iscoroutine", label, asyncio.iscoroutine(value))
    print("awaiting it still works:", await coro)

asyncio.run(main())
