# If the body catches the cancellation a timeout sends and finishes normally, the
# timeout block raises nothing: expired() is True but no TimeoutError is seen.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print(f"{loop.time():.3f} body swallows the cancellation")
        await asyncio.sleep(0.5)
        print(f"{loop.time():.3f} body finishes")
    print("expired?", cm.expired())

asyncio.run(main())
