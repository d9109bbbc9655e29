# A custom awaitable that hands an asyncio Future to the task: with `yield from`
# the task waits for it; a bare `yield` of the future is refused by the task
# with CPython's RuntimeError.
import asyncio


class FutureWaiter:
    def __init__(self, future, bare):
        self.future = future
        self.bare = bare

    def __await__(self):
        if not self.future.done():
            if self.bare:
                yield self.future
            else:
                yield from self.future
        return self.future.result()


async def setter(fut):
    await asyncio.sleep(0.5)
    fut.set_result("value")


async def main():
    fut = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(setter(fut))
    print(await FutureWaiter(fut, bare=False))
    await task
    print(await FutureWaiter(fut, bare=True))
    other = asyncio.get_running_loop().create_future()
    try:
        await FutureWaiter(other, bare=True)
    except RuntimeError as e:
        text = str(e)
        print(text[:text.index(" in task")], "...", text[text.index(" with "):])


asyncio.run(main())
