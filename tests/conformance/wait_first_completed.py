# wait(FIRST_COMPLETED) returns as soon as one task finishes: done holds every task
# finished by then, pending the rest, which keep running. (Sets print sorted by name.)
import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(d), name=f"{n}-{d}")
             for n, d in zip("abcd", (3, 1, 2, 1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.3f} done {names(done)} pending {names(pending)}")
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.3f} done {names(done)} pending {names(pending)}")
    print("results", sorted(t.result() for t in done))
    await asyncio.wait(pending)
    print(f"{loop.time():.3f} all done")

asyncio.run(main())
