# A callback scheduled by a running callback joins the back of the ready queue: the
# loop first finishes the callbacks that were already queued when the iteration began.
import asyncio

def first(loop):
    print("first runs, schedules nested")
    loop.call_soon(print, "nested (scheduled by first)")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(first, loop)
    loop.call_soon(print, "second")
    loop.call_soon(print, "third")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after second sleep(0)")

asyncio.run(main())
