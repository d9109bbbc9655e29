# Without return_exceptions, the first exception from a child propagates to whoever
# awaits the gather at once; the other children are not cancelled and run on.
import asyncio

async def ok(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished at {asyncio.get_running_loop().time():.3f}")
    return name

async def fail(delay):
    await asyncio.sleep(delay)
    print("fail raises")
    raise ValueError("child failed")

async def main():
    loop = asyncio.get_running_loop()
    slow = asyncio.create_task(ok("slow", 2))
    try:
        await asyncio.gather(ok("fast", 0.5), fail(1), slow)
    except ValueError as exc:
        print(f"main caught {exc!r} at {loop.time():.3f}; slow cancelled? {slow.cancelled()}")
    print("slow result:", await slow, f"at {loop.time():.3f}")

asyncio.run(main())
