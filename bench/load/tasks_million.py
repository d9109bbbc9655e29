# One million tasks spawned and finished, in batches of 10,000 (each task sleeps
# once, so every one is scheduled, suspended, resumed and finished by the loop).
import asyncio

TOTAL = 1_000_000
BATCH = 10_000


async def worker(i):
    await asyncio.sleep(0)
    return i


async def main():
    done = 0
    for start in range(0, TOTAL, BATCH):
        results = await asyncio.gather(*[worker(i) for i in range(start, start + BATCH)])
        done += len(results)
    print(done, "tasks finished")


asyncio.run(main())
