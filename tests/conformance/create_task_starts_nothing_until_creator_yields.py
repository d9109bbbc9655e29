# create_task only schedules the first step: the new task runs nothing until its
# creator gives control back to the loop.
import asyncio

async def child(name):
    print(f"{name} starts")
    return name

async def main():
    t1 = asyncio.create_task(child("child-1"))
    t2 = asyncio.create_task(child("child-2"))
    print("main created both; done?", t1.done(), t2.done())
    total = 0
    for i in range(1000):
        total += i
    print("main computed", total, "and still nothing ran")
    await asyncio.sleep(0)
    print("after sleep(0): done?", t1.done(), t2.done())
    print(await t1, await t2)

asyncio.run(main())
