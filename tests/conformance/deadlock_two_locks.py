# Two tasks take two locks in opposite orders: each holds one and waits for the other.
import asyncio

async def worker(name, first, second):
    async with first:
        print(f"{name} holds its first lock")
        await asyncio.sleep(0.5)
        print(f"{name} wants its second lock")
        async with second:
            print("not reached")

async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(worker("left", a, b), worker("right", b, a))

asyncio.run(main())
