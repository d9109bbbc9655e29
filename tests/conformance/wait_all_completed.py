# wait() with the default ALL_COMPLETED waits for every task, failures included, and
# raises nothing itself.
import asyncio

async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise KeyError(delay)
    return delay

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(d, fail=(d == 2)), name=f"job-{d}") for d in (1, 2, 3)]
    done, pending = await asyncio.wait(tasks)
    print(f"{loop.time():.3f} done {len(done)} pending {len(pending)}")
    print("return_when default is", asyncio.ALL_COMPLETED)
    for t in tasks:
        print(" ", t.get_name(), repr(t.exception()) if t.exception() else t.result())

asyncio.run(main())
