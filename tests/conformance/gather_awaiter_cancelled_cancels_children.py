# Cancelling the task that awaits a gather cancels the gather and, through it, each
# child; the children see CancelledError in argument order.
import asyncio

async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def parent():
    try:
        await asyncio.gather(child("first"), child("second"), child("third"))
    except asyncio.CancelledError:
        print("parent sees CancelledError")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print("parent cancelled?", p.cancelled())

asyncio.run(main())
