# ensure_future wraps a coroutine in a new task, and returns a Task or Future it is
# given unchanged; anything else is a TypeError.
import asyncio

async def job():
    return "job result"

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(job())
    print("coroutine -> task named", task.get_name(), "done?", task.done())
    print("task passed through:", asyncio.ensure_future(task) is task)
    fut = loop.create_future()
    print("future passed through:", asyncio.ensure_future(fut) is fut)
    fut.set_result("future result")
    print(await task, "/", await fut)
    try:
        asyncio.ensure_future(42)
    except TypeError as exc:
        print("TypeError:", exc)

asyncio.run(main())
