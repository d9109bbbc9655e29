# A task that fails is yielded by as_completed in its turn; awaiting that item raises
# its exception, and the loop over the rest can go on.
import asyncio

async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"job {delay} failed")
    return delay

async def main():
    tasks = [asyncio.create_task(job(1)), asyncio.create_task(job(0.5, fail=True)),
             asyncio.create_task(job(2))]
    for next_done in asyncio.as_completed(tasks):
        try:
            print("result", await next_done)
        except ValueError as exc:
            print("error", exc)

asyncio.run(main())
