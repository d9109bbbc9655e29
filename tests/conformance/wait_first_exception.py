# wait(FIRST_EXCEPTION) returns when a task raises (or when all are done if none does);
# the exception stays in the task and is not raised by wait.
import asyncio

async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"failed after {delay}")
    return delay

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(1), name="ok-1"),
             asyncio.create_task(job(2, fail=True), name="bad-2"),
             asyncio.create_task(job(3), name="ok-3")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.3f} done {names(done)} pending {names(pending)}")
    for t in sorted(done, key=lambda t: t.get_name()):
        print(" ", t.get_name(), repr(t.exception()))
    others = [asyncio.create_task(job(0.5), name="x"), asyncio.create_task(job(0.25), name="y")]
    done, pending = await asyncio.wait(others, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.3f} no exception: done {names(done)} pending {names(pending)}")
    await tasks[2]

asyncio.run(main())
