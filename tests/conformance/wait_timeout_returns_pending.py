# wait(timeout=...) returns when the time is up, leaving unfinished tasks in pending,
# still running; it neither raises nor cancels them.
import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.3f} job {delay} finished")
    return delay

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(d), name=f"job-{d}") for d in (0.5, 1.5, 2.5)]
    done, pending = await asyncio.wait(tasks, timeout=1)
    print(f"{loop.time():.3f} done {names(done)} pending {names(pending)}")
    done, pending = await asyncio.wait(pending, timeout=5)
    print(f"{loop.time():.3f} done {names(done)} pending {names(pending)}")

asyncio.run(main())
