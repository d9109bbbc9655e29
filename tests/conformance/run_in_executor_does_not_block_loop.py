# run_in_executor runs a blocking function off the loop: other tasks keep running while
# it takes its time, and awaiting the returned future gives the function's result.
import asyncio
import time

def blocking_io(n):
    time.sleep(1)
    return n * 10

async def ticker():
    for i in range(4):
        await asyncio.sleep(0.3)
        print(f"{asyncio.get_running_loop().time():.3f} tick {i}")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    result = await loop.run_in_executor(None, blocking_io, 4)
    print(f"{loop.time():.3f} executor result {result}")
    await t

asyncio.run(main())
