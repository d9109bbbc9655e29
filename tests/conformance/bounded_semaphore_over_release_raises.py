# BoundedSemaphore raises ValueError when released more times than it was acquired.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print("inside, locked?", sem.locked())
    try:
        sem.release()
    except ValueError as exc:
        print("ValueError:", exc)
    print("is a Semaphore:", isinstance(sem, asyncio.Semaphore))

asyncio.run(main())
