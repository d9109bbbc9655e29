# Semaphore(2): at most two holders at once; the others wait their turn in order.
import asyncio

async def job(name, sem, active, peak):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        print(f"{asyncio.get_running_loop().time():.3f} {name} starts ({active[0]} active)")
        await asyncio.sleep(1)
        active[0] -= 1
    print(f"{asyncio.get_running_loop().time():.3f} {name} ends")

async def main():
    sem = asyncio.Semaphore(2)
    active, peak = [0], [0]
    await asyncio.gather(*(job(f"job{i}", sem, active, peak) for i in range(5)))
    print("peak concurrency", peak[0], "locked?", sem.locked())

asyncio.run(main())
