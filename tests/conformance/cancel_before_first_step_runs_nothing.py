# A task cancelled before its first step never runs its body: not even the code before
# its first await.
import asyncio

async def body():
    print("body: this never prints")
    try:
        await asyncio.sleep(1)
    finally:
        print("body: nor does this")

async def main():
    task = asyncio.create_task(body())
    task.cancel()
    print("cancelled before it started; done?", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print("cancelled?", task.cancelled())

asyncio.run(main())
