# Cancelling a task that waits on a Future cancels that Future too, and the task sees
# CancelledError at its await.
import asyncio

async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print("waiter: cancelled while waiting")
        raise

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.sleep(0)
    print("future cancelled?", fut.cancelled())
    await asyncio.sleep(0)
    print("task cancelled?", task.cancelled())

asyncio.run(main())
