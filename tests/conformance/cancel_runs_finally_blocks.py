# Cancellation unwinds the task through every finally block, innermost first, and
# cleanup code in them may even await.
import asyncio

async def level3():
    try:
        print("level3: waiting")
        await asyncio.sleep(5)
    finally:
        print("level3: finally")

async def level2():
    try:
        await level3()
    finally:
        print("level2: finally, cleaning up for 0.25 s")
        await asyncio.sleep(0.25)
        print(f"level2: cleanup done at {asyncio.get_running_loop().time():.3f}")

async def level1():
    try:
        await level2()
    finally:
        print("level1: finally")

async def main():
    task = asyncio.create_task(level1())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: task cancelled at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
