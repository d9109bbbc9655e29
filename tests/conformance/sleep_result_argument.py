# sleep(delay, result) returns result after the delay; sleep(0) and a negative delay
# both just yield one turn.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0.5, result="slept"), f"{loop.time():.3f}")
    print(await asyncio.sleep(0, "zero"), f"{loop.time():.3f}")
    print(await asyncio.sleep(-3, result=[1, 2]), f"{loop.time():.3f}")
    print(await asyncio.sleep(0.25), f"{loop.time():.3f}")

asyncio.run(main())
