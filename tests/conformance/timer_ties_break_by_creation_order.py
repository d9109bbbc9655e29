# call_later and call_at timers with equal deadlines fire in the order they were set,
# whatever mix of call_later, call_at and sleep set them.
import asyncio

async def sleeper():
    await asyncio.sleep(2)
    print("sleeper task wakes")

async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_later(2, print, f"call_later #{i}")
    loop.call_at(loop.time() + 2, print, "call_at")
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)           # sleeper sets its timer now, after the others
    loop.call_later(2, print, "call_later set after the sleeper")
    await t
    print(f"done at {loop.time():.3f}")

asyncio.run(main())
