# An async generator that awaits between items, driven by async for; two of them run
# concurrently under gather, and an async comprehension collects one.
import asyncio

async def ticks(name, count, delay):
    for i in range(count):
        await asyncio.sleep(delay)
        yield f"{name}{i}"

async def consume(name, count, delay):
    async for item in ticks(name, count, delay):
        print(f"{asyncio.get_running_loop().time():.3f} {item}")

async def main():
    await asyncio.gather(consume("a", 3, 0.5), consume("b", 2, 0.75))
    collected = [item async for item in ticks("c", 3, 0.25)]
    print(collected, f"{asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
