# The Future a task waits on completes in the same turn as the task is cancelled: the
# cancellation wins, because cancel() cancels the awaited Future first, and a
# cancelled Future rejects set_result.
import asyncio

async def waiter(fut):
    try:
        value = await fut
        print("waiter got", value)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    task.cancel()
    try:
        fut.set_result("value")
    except asyncio.InvalidStateError as exc:
        print("set_result raised InvalidStateError:", exc)
    await asyncio.gather(task, return_exceptions=True)
    print("task cancelled?", task.cancelled())

asyncio.run(main())
