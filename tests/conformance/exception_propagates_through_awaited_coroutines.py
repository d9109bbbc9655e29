# An exception raised deep in a chain of awaited coroutines unwinds the chain like a
# call stack, finally blocks included, within one task.
import asyncio

async def deepest():
    await asyncio.sleep(0.1)
    raise IndexError("deep problem")

async def middle():
    try:
        await deepest()
    finally:
        print("middle finally")

async def top():
    try:
        await middle()
    except IndexError as exc:
        print("top caught", repr(exc))
        return "recovered"

async def main():
    print(await asyncio.create_task(top()))

asyncio.run(main())
