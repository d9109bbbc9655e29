# A task cancelled while waiting for a Lock leaves the queue; the lock passes to the
# next waiter.
import asyncio

async def waiter(name, lock):
    try:
        async with lock:
            print(f"{asyncio.get_running_loop().time():.3f} {name} holds the lock")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(waiter(n, lock)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.5)
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("cancelled:", [t.cancelled() for t in tasks])

asyncio.run(main())
