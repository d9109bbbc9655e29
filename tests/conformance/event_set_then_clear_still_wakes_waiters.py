# set() immediately followed by clear(): the waiters were already woken by set() and
# still return True, though the event is no longer set when they run.
import asyncio

async def waiter(event):
    print("waiter got", await event.wait(), "is_set now:", event.is_set())

async def main():
    event = asyncio.Event()
    t = asyncio.create_task(waiter(event))
    await asyncio.sleep(0)
    event.set()
    event.clear()
    await t

asyncio.run(main())
