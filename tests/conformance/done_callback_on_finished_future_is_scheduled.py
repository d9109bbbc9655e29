# Adding a callback to a future that is already done does not call it at once: it is
# scheduled with call_soon, behind what is already in the ready queue.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("r")
    loop.call_soon(print, "call_soon made before add_done_callback")
    fut.add_done_callback(lambda f: print("done callback, result", f.result()))
    print("after add_done_callback: nothing ran yet")
    await asyncio.sleep(0)
    print("main after sleep(0)")

asyncio.run(main())
