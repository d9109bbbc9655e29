# A task may catch CancelledError and carry on: then it is not cancelled, and its
# result is whatever it finally returns.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: caught CancelledError, finishing anyway")
    await asyncio.sleep(0.5)
    return "finished"

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    task.cancel()
    result = await task
    print(f"result {result!r} at {loop.time():.3f}; cancelled? {task.cancelled()}")

asyncio.run(main())
