# The loop's clock reads 0.000 when asyncio.run starts the program and moves only as
# the program waits or blocks: the virtual clock handoff shares with CPython here.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    print(f"start {loop.time():.3f}")
    await asyncio.sleep(0.25)
    print(f"after sleep(0.25): {loop.time():.3f}")
    await asyncio.sleep(0)
    print(f"after sleep(0): {loop.time():.3f}")
    time.sleep(0.5)
    print(f"after time.sleep(0.5): {loop.time():.3f}")
    await asyncio.sleep(1.25)
    print(f"after sleep(1.25): {loop.time():.3f}")

asyncio.run(main())
