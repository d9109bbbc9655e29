# gather returns results in the order of its arguments, not the order they finished,
# and accepts coroutines, tasks and futures mixed.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished at {asyncio.get_running_loop().time():.3f}")
    return name

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "future")
    task = asyncio.create_task(job("task", 0.1))
    results = await asyncio.gather(job("slow", 0.3), task, fut, job("fast", 0.05))
    print(results)

asyncio.run(main())
