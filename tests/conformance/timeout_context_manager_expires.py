# async with asyncio.timeout(d): when the deadline passes, the body is cancelled at its
# await (it sees CancelledError, finally blocks run) and the block raises TimeoutError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1.5):
            try:
                print(f"{loop.time():.3f} body starts a long sleep")
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print(f"{loop.time():.3f} body sees CancelledError")
                raise
            finally:
                print(f"{loop.time():.3f} body finally")
    except TimeoutError:
        print(f"{loop.time():.3f} TimeoutError out of the block")
    print("main carries on")

asyncio.run(main())
