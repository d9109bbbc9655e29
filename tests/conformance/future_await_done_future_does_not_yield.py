# Awaiting a Future that is already done returns its result without a loop turn.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("ready")
    loop.call_soon(print, "callback")
    print("await done future ->", await fut)
    print("await it again ->", await fut)
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
