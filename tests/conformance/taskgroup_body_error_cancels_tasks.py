# An exception raised in the body of the async with cancels the group's tasks; it is
# then raised inside the ExceptionGroup.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.3f} worker cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            w = tg.create_task(worker())
            await asyncio.sleep(1)
            raise RuntimeError("body failed")
    except Exception as eg:
        print(type(eg).__name__, [repr(e) for e in eg.exceptions])
    print("worker cancelled?", w.cancelled())

asyncio.run(main())
