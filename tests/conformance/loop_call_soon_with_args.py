# call_soon passes positional arguments through, returns a Handle that can be
# cancelled before it runs, and callbacks may schedule further callbacks.
import asyncio

def show(*args):
    print("show", args)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(show, 1, "two", [3])
    h = loop.call_soon(show, "cancelled")
    loop.call_soon(show)
    print("handle cancelled?", h.cancelled())
    h.cancel()
    print("handle cancelled?", h.cancelled())
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
