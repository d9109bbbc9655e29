# Cancelling a task blocked in wait_for cancels the inner awaitable too; the outer task
# sees CancelledError, not TimeoutError.
import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=5)
    except asyncio.CancelledError:
        print("outer sees CancelledError")
        raise
    except TimeoutError:
        print("outer sees TimeoutError (wrong)")

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(f"cancelled? {t.cancelled()} at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
