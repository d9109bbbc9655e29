# A TaskGroup whose tasks fail with different errors: `except*` clauses take
# each kind of failure out of the ExceptionGroup, in the order of the clauses.
import asyncio

async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc

async def ok(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(0.5))
            tg.create_task(fail(1, KeyError("k")))
            tg.create_task(fail(1, ValueError("v1")))
            tg.create_task(fail(1, ValueError("v2")))
            tg.create_task(ok(3))
    except* ValueError as eg:
        print(f"{loop.time():.3f} values:", [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print(f"{loop.time():.3f} keys:", repr(eg))
    print(f"done at {loop.time():.3f}")

asyncio.run(main())
