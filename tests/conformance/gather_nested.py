# gathers nest: an inner gather is just another awaitable child of the outer one.
import asyncio

async def leaf(name, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.3f} leaf {name}")
    return name

async def main():
    inner1 = asyncio.gather(leaf("a", 0.3), leaf("b", 0.1))
    inner2 = asyncio.gather(leaf("c", 0.2), leaf("d", 0.4))
    print(await asyncio.gather(inner1, inner2, leaf("e", 0)))

asyncio.run(main())
