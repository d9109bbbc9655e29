# Cancelling the future gather returns cancels every child that is still running.
import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    g = asyncio.gather(child("a", 0.5), child("b", 2), child("c", 3))
    await asyncio.sleep(1)
    print("cancel() returns", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled?", g.cancelled())

asyncio.run(main())
