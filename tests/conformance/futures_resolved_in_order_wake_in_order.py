# Several tasks wait on several futures; futures resolved in one callback wake their
# tasks in the order the futures were resolved, not the order the tasks were created.
import asyncio

async def waiter(name, fut):
    value = await fut
    print(f"{name} woke with {value}")

async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    tasks = [asyncio.create_task(waiter(f"task-{i}", f)) for i, f in enumerate(futs)]
    await asyncio.sleep(0)
    for i in (2, 0, 1):
        futs[i].set_result(i)
    await asyncio.gather(*tasks)

asyncio.run(main())
