# Tasks may add more tasks to their group while it runs; the block waits for them all.
import asyncio

async def spawner(tg, depth):
    print(f"{asyncio.get_running_loop().time():.3f} depth {depth}")
    await asyncio.sleep(1)
    if depth < 3:
        tg.create_task(spawner(tg, depth + 1))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 1))
    print(f"{asyncio.get_running_loop().time():.3f} group finished")
    late = spawner(tg, 9)
    try:
        tg.create_task(late)
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    late.close()

asyncio.run(main())
