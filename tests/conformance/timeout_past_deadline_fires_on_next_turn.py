# A timeout whose deadline is already past cancels the body at its first await;
# the code before that await still runs.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(-1):
            print("body runs up to its first await")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"{loop.time():.3f} TimeoutError")

asyncio.run(main())
