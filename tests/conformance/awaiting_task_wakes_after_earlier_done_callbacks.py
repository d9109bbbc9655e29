# A task that awaits another task is woken by a done callback like any other: callbacks
# added before it started waiting run before it resumes, later ones after.
import asyncio

async def child():
    await asyncio.sleep(0.5)
    print("child finishes")
    return "child result"

async def waiter(task):
    print("waiter starts waiting")
    value = await task
    print("waiter resumes with", value)

async def main():
    t = asyncio.create_task(child())
    t.add_done_callback(lambda _: print("callback added before the waiter"))
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda _: print("callback added after the waiter"))
    await w

asyncio.run(main())
