# TaskGroup: the async with block waits for every task created in it; results are read
# from the tasks afterwards.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{asyncio.get_running_loop().time():.3f} {name} done")
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("one", 1))
        t2 = tg.create_task(job("two", 0.5), name="second")
        print("tasks created:", t1.get_name(), t2.get_name())
    print(f"{asyncio.get_running_loop().time():.3f} block exited:", t1.result(), t2.result())

asyncio.run(main())
