# A timer that is already due still waits for the next iteration: the loop moves due
# timers to the back of the ready queue, after the callbacks already there. So
# call_later(0, ...) runs after a call_soon made after it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "call_later(0)")
    loop.call_soon(print, "call_soon made after it")
    loop.call_at(loop.time(), print, "call_at(now)")
    loop.call_soon(print, "another call_soon")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after second sleep(0)")

asyncio.run(main())
