# Several tasks of a TaskGroup fail in the same turn: every failure is collected, in
# the order the tasks finished. Cancelled tasks add nothing to the group.
import asyncio

async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, KeyError("k")))
            tg.create_task(fail(1, TypeError("t")))
            tg.create_task(fail(2, OSError("never raised: cancelled first")))
    except Exception as eg:
        print(type(eg).__name__, "-", eg)
        for e in eg.exceptions:
            print("  ", repr(e))
    print(f"at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
