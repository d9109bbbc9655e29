# wait_for(shield(task), t): the timeout cancels only the shield, so TimeoutError is
# raised while the task goes on; it can be awaited again afterwards.
import asyncio

async def job():
    await asyncio.sleep(3)
    return "job result"

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(job())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=1)
    except TimeoutError:
        print(f"{loop.time():.3f} timed out; task cancelled? {task.cancelled()}")
    print(await task, f"at {loop.time():.3f}")

asyncio.run(main())
