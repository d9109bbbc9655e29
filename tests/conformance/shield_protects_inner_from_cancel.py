# shield: cancelling the task that awaits shield(inner) raises CancelledError in that
# task, but the inner task keeps running to the end.
import asyncio

async def important():
    await asyncio.sleep(2)
    print(f"{asyncio.get_running_loop().time():.3f} important work finished")
    return "saved"

async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.3f} caller cancelled")
        raise

async def main():
    inner = asyncio.create_task(important())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(1)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled?", c.cancelled(), "inner cancelled?", inner.cancelled())
    print("inner result:", await inner)

asyncio.run(main())
