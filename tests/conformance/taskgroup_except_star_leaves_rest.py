# An `except*` that matches only part of a TaskGroup's failures: the rest is
# raised again as an ExceptionGroup and caught by the enclosing handler.
import asyncio

async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc

async def main():
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(0.25, OSError("disk")))
                tg.create_task(fail(0.25, TypeError("type")))
        except* OSError as eg:
            print("handled", repr(eg))
    except ExceptionGroup as rest:
        print("rest", type(rest).__name__, repr(rest))
    print(f"at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
