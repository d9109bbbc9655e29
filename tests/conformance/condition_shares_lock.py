# A Condition can be built on an existing Lock: holding one means holding the other.
import asyncio

async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    async with lock:
        print("lock held; condition locked?", cond.locked())
        cond.notify_all()
        print("notify_all is allowed while the shared lock is held")
    print("released; condition locked?", cond.locked())

asyncio.run(main())
