# A cancelled task's result() and exception() both raise CancelledError.
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("done?", t.done(), "cancelled?", t.cancelled())
    for method in (t.result, t.exception):
        try:
            method()
        except asyncio.CancelledError:
            print(method.__name__, "raised CancelledError")

asyncio.run(main())
