# result() and exception() of a task that has not finished raise InvalidStateError.
import asyncio

async def slow():
    await asyncio.sleep(1)
    return 1

async def main():
    t = asyncio.create_task(slow())
    try:
        t.result()
    except asyncio.InvalidStateError as exc:
        print("result():", type(exc).__name__, exc)
    try:
        t.exception()
    except asyncio.InvalidStateError as exc:
        print("exception():", type(exc).__name__, exc)
    print("awaited:", await t)

asyncio.run(main())
