# Several producers and consumers share one bounded queue; sentinels stop the
# consumers. Every item is consumed exactly once.
import asyncio

async def producer(name, q, count, delay):
    for i in range(count):
        await asyncio.sleep(delay)
        await q.put(f"{name}{i}")

async def consumer(name, q, log):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return
        log.append(item)
        print(f"{asyncio.get_running_loop().time():.3f} {name} <- {item}")
        await asyncio.sleep(0.375)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=3)
    log = []
    consumers = [asyncio.create_task(consumer(f"c{i}", q, log)) for i in range(2)]
    await asyncio.gather(producer("p", q, 4, 0.125), producer("q", q, 3, 0.25))
    for _ in consumers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*consumers)
    print(len(log), "items:", sorted(log))

asyncio.run(main())
