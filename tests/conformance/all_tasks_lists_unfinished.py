# all_tasks() is the set of tasks not yet done, main included. (A set: print the names
# sorted, as the iteration order is not defined.)
import asyncio

async def job(delay):
    await asyncio.sleep(delay)

def names():
    return sorted(t.get_name() for t in asyncio.all_tasks())

async def main():
    print(names())
    a = asyncio.create_task(job(1), name="a")
    b = asyncio.create_task(job(2), name="b")
    print(names())
    await a
    print(names())
    await b
    print(names(), "current task is in it:", asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())
