# CancelledError derives from BaseException, not Exception, so a broad
# `except Exception` does not swallow a cancellation.
import asyncio

async def careless():
    try:
        await asyncio.sleep(10)
    except Exception:
        print("careless: caught by except Exception (should not happen)")
    print("careless: not reached")

async def main():
    print(issubclass(asyncio.CancelledError, Exception),
          issubclass(asyncio.CancelledError, BaseException))
    task = asyncio.create_task(careless())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("the cancellation went through")

asyncio.run(main())
