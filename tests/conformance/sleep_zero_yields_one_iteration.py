# sleep(0) gives the loop exactly one turn: two tasks that each yield with sleep(0)
# alternate step by step.
import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")

async def main():
    await asyncio.gather(worker("A", 3), worker("B", 5), worker("C", 1))

asyncio.run(main())
