# Nested timeouts: the inner, earlier deadline fires and is handled inside the outer
# block, which is then not affected; later the outer deadline fires on its own.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(3):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(10)
            except TimeoutError:
                print(f"{loop.time():.3f} inner TimeoutError")
            print(f"{loop.time():.3f} still inside the outer block")
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"{loop.time():.3f} outer TimeoutError")

asyncio.run(main())
