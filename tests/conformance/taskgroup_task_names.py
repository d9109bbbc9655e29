# TaskGroup.create_task numbers its tasks like create_task and accepts name=.
import asyncio

async def me():
    return asyncio.current_task().get_name()

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(me())
        b = tg.create_task(me(), name="named")
        c = tg.create_task(me())
    print(a.result(), b.result(), c.result())

asyncio.run(main())
