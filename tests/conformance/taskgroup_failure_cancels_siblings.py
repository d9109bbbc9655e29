# A task in a TaskGroup fails: the group cancels the other task (its finally runs),
# waits for it, and raises an ExceptionGroup holding the failure.
import asyncio

async def sibling():
    try:
        await asyncio.sleep(10)
        print("sibling finished (not reached)")
    finally:
        print(f"{asyncio.get_running_loop().time():.3f} sibling cleans up")

async def fails():
    await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.3f} fails raises")
    raise ValueError("boom")

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(sibling())
            tg.create_task(fails())
            print("body done, waiting for the tasks")
    except Exception as eg:
        print(f"{loop.time():.3f} {type(eg).__name__}: {eg}")
        print("  sub-exceptions:", [repr(e) for e in eg.exceptions])
    print("sibling cancelled?", s.cancelled())

asyncio.run(main())
