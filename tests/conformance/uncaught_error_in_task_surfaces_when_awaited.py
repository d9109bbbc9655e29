# An exception in a task stays in the task until someone awaits it; awaited from main,
# it escapes asyncio.run and fails the program.
import asyncio

async def faulty():
    await asyncio.sleep(0.5)
    raise ValueError("task went wrong")

async def main():
    t = asyncio.create_task(faulty())
    await asyncio.sleep(1)
    print("task done?", t.done(), "- main has not seen the error yet")
    await t
    print("not reached")

asyncio.run(main())
