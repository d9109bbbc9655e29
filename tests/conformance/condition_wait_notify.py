# Condition: wait() releases the lock and suspends until notify(); notify(n) wakes n
# waiters in order, each re-acquiring the lock before it returns.
import asyncio

async def consumer(name, cond, items):
    async with cond:
        while not items:
            print(f"{name} waits")
            await cond.wait()
        print(f"{asyncio.get_running_loop().time():.3f} {name} takes {items.pop(0)}")

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(f"c{i}", cond, items)) for i in range(3)]
    await asyncio.sleep(1)
    async with cond:
        items.extend(["x", "y"])
        cond.notify(2)
        print("notified 2; still holding the lock, locked?", cond.locked())
    await asyncio.sleep(1)
    async with cond:
        items.append("z")
        cond.notify()
    await asyncio.gather(*tasks)

asyncio.run(main())
