# acquire()/release() by hand: acquire returns True; releasing an unlocked lock raises
# RuntimeError; a released lock goes to the first waiter even if someone else asks
# before that waiter runs.
import asyncio

async def waiter(name, lock):
    await lock.acquire()
    print(f"{name} acquired")
    lock.release()

async def main():
    lock = asyncio.Lock()
    print("acquire ->", await lock.acquire(), "locked?", lock.locked())
    first = asyncio.create_task(waiter("first", lock))
    await asyncio.sleep(0)
    lock.release()
    print("released; locked?", lock.locked())
    late = asyncio.create_task(waiter("late", lock))
    await asyncio.gather(first, late)
    try:
        lock.release()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

asyncio.run(main())
