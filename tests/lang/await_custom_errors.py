import asyncio


class NoAwait:
    pass


class BadAwait:
    def __await__(self):
        return 5


class Failing:
    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        raise RuntimeError("awaitable failed")


async def main():
    for obj in [NoAwait(), BadAwait()]:
        try:
            await obj
        except TypeError as e:
            print("TypeError:", e)
    try:
        await Failing()
    except RuntimeError as e:
        print("RuntimeError:", e)
    task = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())


asyncio.run(main())
