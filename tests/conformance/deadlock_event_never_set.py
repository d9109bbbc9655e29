# Nothing can ever set the event: CPython would wait forever. handoff reports the
# deadlock and exits 1 (the oracle does the same); output printed before it stays.
import asyncio

async def waiter(event):
    print("waiter waits for an event nobody sets")
    await event.wait()

async def main():
    event = asyncio.Event()
    t = asyncio.create_task(waiter(event))
    await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.3f} main awaits the waiter")
    await t

asyncio.run(main())
