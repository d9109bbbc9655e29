# join() waits until every item put has been marked task_done(); task_done() more times
# than items raises ValueError.
import asyncio

async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{asyncio.get_running_loop().time():.3f} {name} finished item {item}")
        q.task_done()

async def main():
    q = asyncio.Queue()
    for item in (0.5, 1, 0.25, 0.75):
        q.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print(f"{asyncio.get_running_loop().time():.3f} join returned, qsize {q.qsize()}")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as exc:
        print("ValueError:", exc)
    await q.join()
    print("join on a queue with no unfinished items returns at once")

asyncio.run(main())
