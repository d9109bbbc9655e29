# get() on an empty queue suspends until something is put; waiting getters are served
# in the order they started waiting.
import asyncio

async def getter(name, q):
    item = await q.get()
    print(f"{asyncio.get_running_loop().time():.3f} {name} got {item}")

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(f"getter-{i}", q)) for i in range(3)]
    await asyncio.sleep(1)
    for item in ("x", "y", "z"):
        q.put_nowait(item)
        print(f"put {item}")
    await asyncio.gather(*tasks)

asyncio.run(main())
