# Cancelling the task that sits in a TaskGroup cancels the group's tasks too, and the
# parent then sees plain CancelledError (not an ExceptionGroup).
import asyncio

async def child():
    try:
        await asyncio.sleep(10)
    finally:
        print("child finally")

async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("parent sees CancelledError")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print("parent cancelled?", p.cancelled())

asyncio.run(main())
