# time.sleep inside a task blocks the whole loop: the other task's timer, due at 0.5,
# only fires after the blocking call returns at 2.0.
import asyncio
import time

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.5)
        print(f"{time.perf_counter():.3f} tick {i}")

async def blocker():
    await asyncio.sleep(0)
    print(f"{time.perf_counter():.3f} blocker calls time.sleep(2)")
    time.sleep(2)
    print(f"{time.perf_counter():.3f} blocker returns")

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
