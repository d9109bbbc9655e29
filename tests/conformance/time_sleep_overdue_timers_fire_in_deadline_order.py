# After a long blocking call, every overdue timer fires in the same turn, in deadline
# order (ties in the order they were set), and each sees the late clock.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    for delay in (0.3, 0.1, 0.2, 0.1):
        loop.call_later(delay, lambda d=delay: print(f"{loop.time():.3f} timer for {d}"))
    loop.call_later(5, lambda: print(f"{loop.time():.3f} timer for 5"))
    time.sleep(1)
    print(f"{loop.time():.3f} main blocked until now")
    await asyncio.sleep(0)
    print(f"{loop.time():.3f} main after sleep(0)")
    await asyncio.sleep(5)

asyncio.run(main())
