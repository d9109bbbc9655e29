# cancel() returns True when it asks a pending task to cancel, False when the task is
# already done; a second cancel() before the task runs again still returns True.
import asyncio

async def quick():
    return 42

async def slow():
    await asyncio.sleep(10)

async def main():
    t1 = asyncio.create_task(quick())
    await t1
    print("cancel a finished task:", t1.cancel(), "result still", t1.result())
    t2 = asyncio.create_task(slow())
    await asyncio.sleep(0)
    print("first cancel:", t2.cancel())
    print("second cancel:", t2.cancel())
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled:", t2.cancelled())
    print("cancel after cancelled:", t2.cancel())

asyncio.run(main())
