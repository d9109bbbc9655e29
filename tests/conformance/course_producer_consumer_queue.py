# The course's queue example (asyncq.py): producers put timestamped items on a queue,
# consumers take them off; main waits for the producers, then for the queue to drain
# (join), then cancels the consumers. Random delays are replaced by a fixed table.
import asyncio
import time

PRODUCE = {0: [3, 1], 1: [2], 2: [1, 2, 1]}
CONSUME = [0.5, 1.5]

def now():
    return f"{time.perf_counter():.3f}"

async def produce(name, q):
    for n, delay in enumerate(PRODUCE[name]):
        await asyncio.sleep(delay)
        item = f"{name}-{n}"
        t = time.perf_counter()
        await q.put((item, t))
        print(f"{now()} Producer {name} added <{item}> to queue.")

async def consume(name, q):
    while True:
        await asyncio.sleep(CONSUME[name])
        item, t = await q.get()
        waited = time.perf_counter() - t
        print(f"{now()} Consumer {name} got element <{item}> in {waited:0.5f} seconds.")
        q.task_done()

async def main():
    q = asyncio.Queue()
    producers = [asyncio.create_task(produce(n, q)) for n in range(3)]
    consumers = [asyncio.create_task(consume(n, q)) for n in range(2)]
    await asyncio.gather(*producers)
    print(f"{now()} producers done, {q.qsize()} items left")
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(f"{now()} consumers cancelled: {[c.cancelled() for c in consumers]}")

if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - start
    print(f"Program completed in {elapsed:0.5f} seconds.")
