# Lock: one holder at a time; waiters get the lock in the order they asked for it.
import asyncio

async def worker(name, lock, hold):
    print(f"{asyncio.get_running_loop().time():.3f} {name} wants the lock")
    async with lock:
        print(f"{asyncio.get_running_loop().time():.3f} {name} holds the lock")
        await asyncio.sleep(hold)
    print(f"{asyncio.get_running_loop().time():.3f} {name} released it")

async def main():
    lock = asyncio.Lock()
    print("locked?", lock.locked())
    await asyncio.gather(worker("a", lock, 1), worker("b", lock, 0.5), worker("c", lock, 0.25))
    print("locked?", lock.locked())

asyncio.run(main())
