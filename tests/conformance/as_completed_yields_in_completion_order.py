# as_completed yields awaitables in the order the tasks finish. (Pass tasks created in
# a known order: as_completed turns bare coroutines into tasks in set order, which
# CPython leaves undefined.)
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("a", 3), ("b", 1), ("c", 2), ("d", 1))]
    for next_done in asyncio.as_completed(tasks):
        result = await next_done
        print(f"{loop.time():.3f} {result}")

asyncio.run(main())
