# A plain Semaphore counts releases without limit; locked() says whether acquire()
# would wait; Semaphore(-1) is a ValueError.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    print("locked?", sem.locked())
    print("acquire ->", await sem.acquire(), "locked?", sem.locked())
    sem.release()
    sem.release()
    sem.release()
    print("after three releases, acquire twice without waiting:")
    await sem.acquire()
    await sem.acquire()
    await sem.acquire()
    print("locked?", sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as exc:
        print("ValueError:", exc)
    default = asyncio.Semaphore()
    print("default value allows one:", await default.acquire(), default.locked())

asyncio.run(main())
