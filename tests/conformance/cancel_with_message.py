# cancel(msg) carries its message into the CancelledError the task sees, and into the
# one raised by awaiting the task.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        print("worker sees args", exc.args)
        raise

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as exc:
        print("main sees args", exc.args)
    try:
        task.result()
    except asyncio.CancelledError as exc:
        print("result() raises args", exc.args)

asyncio.run(main())
