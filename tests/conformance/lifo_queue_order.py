# LifoQueue hands out the most recently put item first.
import asyncio

async def main():
    q = asyncio.LifoQueue()
    for i in range(5):
        q.put_nowait(i)
    print([q.get_nowait() for _ in range(q.qsize())])
    q.put_nowait("a")
    q.put_nowait("b")
    print(await q.get(), q.qsize())

asyncio.run(main())
