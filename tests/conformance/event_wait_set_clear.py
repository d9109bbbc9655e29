# Event: wait() suspends until set(); set() wakes every waiter (in the order they
# started waiting); wait() on a set event returns True at once; clear() resets it.
import asyncio

async def waiter(name, event):
    print(f"{name} waits")
    result = await event.wait()
    print(f"{asyncio.get_running_loop().time():.3f} {name} woke, wait() returned {result}")

async def main():
    event = asyncio.Event()
    print("is_set:", event.is_set())
    tasks = [asyncio.create_task(waiter(f"w{i}", event)) for i in range(3)]
    await asyncio.sleep(1)
    event.set()
    print("set; is_set:", event.is_set())
    await asyncio.gather(*tasks)
    print("wait on a set event:", await event.wait())
    event.clear()
    print("cleared; is_set:", event.is_set())
    try:
        await asyncio.wait_for(event.wait(), 0.5)
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.3f} waiting on the cleared event timed out")

asyncio.run(main())
