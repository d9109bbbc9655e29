# An exception in a plain callback goes to the loop's exception handler (a message on
# stderr); the loop and the tasks carry on.
import asyncio

def bad_callback():
    print("bad callback raises")
    raise ValueError("in a callback")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0.5)
    print("main finishes normally")

asyncio.run(main())
