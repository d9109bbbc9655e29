# get_coro() returns the very coroutine object the task drives.
import asyncio

async def job(n):
    await asyncio.sleep(0)
    return n * 2

async def main():
    coro = job(21)
    task = asyncio.create_task(coro)
    print("same object:", task.get_coro() is coro)
    print("is a coroutine:", asyncio.iscoroutine(task.get_coro()))
    print("result:", await task)
    print("still the same after finishing:", task.get_coro() is coro)

asyncio.run(main())
