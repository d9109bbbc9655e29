# Task numbers are global to the program: a second asyncio.run() does not start again
# at Task-1. Each asyncio.run also spends two numbers on the tasks it runs while
# shutting down (async generators, then the default executor).
import asyncio

async def main(label):
    child = asyncio.create_task(asyncio.sleep(0))
    await child
    print(label, asyncio.current_task().get_name(), child.get_name())

asyncio.run(main("first run:"))
asyncio.run(main("second run:"))
asyncio.run(main("third run:"))
