# PriorityQueue hands out the smallest item first (tuples compare by priority first).
import asyncio

async def main():
    q = asyncio.PriorityQueue()
    for entry in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (5, "later")]:
        await q.put(entry)
    while not q.empty():
        print(await q.get())
    q2 = asyncio.PriorityQueue(maxsize=1)
    q2.put_nowait(10)
    try:
        q2.put_nowait(1)
    except asyncio.QueueFull:
        print("PriorityQueue full")

asyncio.run(main())
