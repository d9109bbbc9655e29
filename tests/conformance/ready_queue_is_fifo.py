# The ready queue is FIFO: callbacks scheduled with call_soon run in the order they
# were scheduled, and tasks take their first step in the order they were created,
# interleaved with callbacks in one queue.
import asyncio

async def task_body(name):
    print(f"task {name} first step")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback 1")
    asyncio.create_task(task_body("A"))
    loop.call_soon(print, "callback 2")
    asyncio.create_task(task_body("B"))
    loop.call_soon(print, "callback 3")
    print("main yields")
    await asyncio.sleep(0)
    print("main resumes")

asyncio.run(main())
