# call_at takes an absolute time on loop.time()'s clock; a time in the past fires on
# the next turn.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    now = loop.time()
    loop.call_at(now + 2, lambda: print(f"{loop.time():.3f} call_at(now + 2)"))
    loop.call_at(now + 0.5, lambda: print(f"{loop.time():.3f} call_at(now + 0.5)"))
    loop.call_at(now - 10, lambda: print(f"{loop.time():.3f} call_at(a time in the past)"))
    await asyncio.sleep(3)

asyncio.run(main())
