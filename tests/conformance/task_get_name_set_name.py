# get_name/set_name: names may change at any time, set_name turns its argument into a
# str, and create_task's name= does the same.
import asyncio

async def work():
    task = asyncio.current_task()
    print("inside, my name is", task.get_name())
    task.set_name("renamed-inside")
    await asyncio.sleep(0)
    return task.get_name()

async def main():
    t = asyncio.create_task(work(), name="worker")
    print("before start:", t.get_name())
    t.set_name("worker-2")
    print("after set_name:", t.get_name())
    print("result:", await t)
    n = asyncio.create_task(work(), name=42)
    print("name=42 gives", repr(n.get_name()))
    n.set_name(3.5)
    print("set_name(3.5) gives", repr(n.get_name()))
    await n

asyncio.run(main())
