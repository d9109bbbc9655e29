# return_exceptions=True: exceptions become results in their place in the list, and
# the gather waits for every child.
import asyncio

async def ok(n):
    await asyncio.sleep(n / 10)
    return n

async def fail(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"bad {n}")

async def cancelled_child():
    await asyncio.sleep(10)

async def main():
    victim = asyncio.create_task(cancelled_child())
    asyncio.get_running_loop().call_later(0.15, victim.cancel)
    results = await asyncio.gather(ok(1), fail(2), ok(3), fail(4), victim,
                                   return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))
    print(f"at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
