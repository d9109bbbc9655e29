# wait_for returns the result when the awaitable finishes within the timeout; a timeout
# of None waits as long as it takes.
import asyncio

async def job(delay, value):
    await asyncio.sleep(delay)
    return value

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(job(0.5, "quick"), timeout=1), f"at {loop.time():.3f}")
    print(await asyncio.wait_for(job(100, "patient"), timeout=None), f"at {loop.time():.3f}")

asyncio.run(main())
