# A task waiting on another task with a plain await passes a cancellation on to it:
# cancelling the parent cancels the child it awaits (use shield to prevent that).
import asyncio

async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child cancelled")
        raise

async def parent(kid):
    try:
        await kid
    except asyncio.CancelledError:
        print("parent cancelled")
        raise

async def main():
    kid = asyncio.create_task(child())
    p = asyncio.create_task(parent(kid))
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.gather(p, kid, return_exceptions=True)
    print("parent cancelled?", p.cancelled(), "child cancelled?", kid.cancelled())

asyncio.run(main())
