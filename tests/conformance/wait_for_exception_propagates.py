# An exception raised inside wait_for's awaitable before the timeout propagates as is.
import asyncio

async def failing():
    await asyncio.sleep(0.5)
    raise ZeroDivisionError("inner problem")

async def main():
    try:
        await asyncio.wait_for(failing(), timeout=2)
    except ZeroDivisionError as exc:
        print(f"caught {exc!r} at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
