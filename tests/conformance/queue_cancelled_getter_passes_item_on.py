# A getter cancelled in the same turn as an item arrives for it does not lose the item:
# it stays in the queue and the next waiting getter is woken for it.
import asyncio

async def getter(name, q):
    try:
        item = await q.get()
        print(f"{name} got {item}")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    q = asyncio.Queue()
    first = asyncio.create_task(getter("first", q))
    second = asyncio.create_task(getter("second", q))
    await asyncio.sleep(0)
    q.put_nowait("item")
    first.cancel()
    await asyncio.gather(first, second, return_exceptions=True)
    print("qsize", q.qsize(), "first cancelled?", first.cancelled())

asyncio.run(main())
