# wait_for with timeout 0: a task that is already done gives its result; anything else
# is cancelled and TimeoutError is raised, without waiting.
import asyncio

async def job():
    await asyncio.sleep(0)
    return "job"

async def main():
    done_task = asyncio.create_task(job())
    await asyncio.sleep(0.1)
    print("done task:", await asyncio.wait_for(done_task, 0))
    pending = asyncio.create_task(job())
    try:
        await asyncio.wait_for(pending, 0)
    except TimeoutError:
        print("pending task: TimeoutError; cancelled?", pending.cancelled())

asyncio.run(main())
