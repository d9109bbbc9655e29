# Default task names are "Task-N" in creation order; get_name, repr and set_name
# agree, and a name given at creation or later replaces the default.
import asyncio


async def work(n):
    await asyncio.sleep(n / 10)
    return n


async def main():
    tasks = [asyncio.create_task(work(i)) for i in range(3)]
    named = asyncio.create_task(work(4), name="fourth")
    print([t.get_name() for t in tasks], named.get_name())
    print(tasks[0].get_name() is tasks[0].get_name())
    print(repr(tasks[1]).split(" coro=")[0])
    tasks[2].set_name(42)
    print(tasks[2].get_name(), type(tasks[2].get_name()).__name__)
    print(asyncio.current_task().get_name())
    print(await asyncio.gather(*tasks, named))
    print(repr(tasks[1]).split(" coro=")[0])


asyncio.run(main())
