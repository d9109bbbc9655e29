# cancel() does not stop a task where it stands: CancelledError is raised inside it at
# the await where it is suspended, on the task's next step.
import asyncio

async def worker():
    print("worker: before first await")
    try:
        await asyncio.sleep(10)
        print("worker: not reached")
    except asyncio.CancelledError:
        print(f"worker: CancelledError at the sleep, t={asyncio.get_running_loop().time():.3f}")
        raise

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("main: cancel() returns", task.cancel())
    print("main: right after cancel(), cancelled?", task.cancelled(), "done?", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: awaiting the task raised CancelledError at t={loop.time():.3f}")
    print("main: cancelled?", task.cancelled(), "done?", task.done())

asyncio.run(main())
