# A custom awaitable whose __await__ delegates with `yield from` to asyncio.sleep()
# and to a coroutine's own __await__() iterator.
import asyncio
class W:
    def __await__(self):
        x = yield from asyncio.sleep(0.1, "slept").__await__()
        y = yield from inner().__await__()
        return x + y
async def inner():
    await asyncio.sleep(0.1)
    return "!"
async def main():
    print(await W())
asyncio.run(main())
