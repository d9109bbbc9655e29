# Tasks are named Task-1, Task-2, ... in creation order; the task asyncio.run creates
# for main() is Task-1. asyncio.create_task(name=...) still uses up a number (it names
# the task after creating it), loop.create_task(name=...) does not. gather, wait_for
# and ensure_future wrap coroutines in tasks that take the next numbers.
import asyncio

async def report():
    return asyncio.current_task().get_name()

async def main():
    print("main is", asyncio.current_task().get_name())
    t2 = asyncio.create_task(report())
    named = asyncio.create_task(report(), name="custom")
    t3 = asyncio.create_task(report())
    print(await t2, await named, await t3)
    print("gather children:", await asyncio.gather(report(), report()))
    print("wait_for child:", await asyncio.wait_for(report(), 1))
    print("ensure_future child:", await asyncio.ensure_future(report()))
    loop = asyncio.get_running_loop()
    print("loop.create_task child:", await loop.create_task(report()))
    named2 = loop.create_task(report(), name="named by the loop")
    print(await named2, await asyncio.create_task(report()))

asyncio.run(main())
