# Objects whose class defines __await__ go through gather, wait_for,
# ensure_future and create_task's neighbours as CPython wraps them.
import asyncio


class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value


class Ready:
    def __await__(self):
        return iter(())


async def main():
    print(await Delay(0.1, "direct"))
    print(await asyncio.gather(Delay(0.3, "a"), Delay(0.1, "b"), Delay(0.2, "c")))
    task = asyncio.ensure_future(Delay(0.1, "wrapped"))
    print(type(task).__name__, await task)
    print(await asyncio.wait_for(Delay(0.1, "in time"), timeout=1))
    try:
        await asyncio.wait_for(Delay(2, "late"), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out at", round(asyncio.get_running_loop().time(), 3) > 0)
    print(await Ready())
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
