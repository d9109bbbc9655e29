# shield passes the inner task's result or exception through, and shielding a
# finished task returns at once.
import asyncio

async def fail():
    await asyncio.sleep(0.5)
    raise LookupError("missing")

async def value():
    return 7

async def main():
    try:
        await asyncio.shield(fail())
    except LookupError as exc:
        print("shield raised", repr(exc))
    t = asyncio.create_task(value())
    await t
    print("shield of a done task:", await asyncio.shield(t))

asyncio.run(main())
