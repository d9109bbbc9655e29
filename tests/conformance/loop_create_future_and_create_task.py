# loop.create_future makes a Future bound to the loop; loop.create_task schedules a
# coroutine like asyncio.create_task.
import asyncio

async def resolve_later(fut, value):
    await asyncio.sleep(0.5)
    fut.set_result(value)
    return "resolver done"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("future done?", fut.done(), "its loop is the running loop:", fut.get_loop() is loop)
    task = loop.create_task(resolve_later(fut, "hello"))
    print("future result:", await fut, f"at {loop.time():.3f}")
    print("task result:", await task)

asyncio.run(main())
