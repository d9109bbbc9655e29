# put() on a full queue suspends until a get() makes room: back-pressure on a fast
# producer from a slow consumer.
import asyncio

async def producer(q):
    for i in range(5):
        await q.put(i)
        print(f"{asyncio.get_running_loop().time():.3f} put {i} (qsize {q.qsize()})")
    await q.put(None)

async def consumer(q):
    while True:
        await asyncio.sleep(1)
        item = await q.get()
        if item is None:
            break
        print(f"{asyncio.get_running_loop().time():.3f} got {item}")

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
