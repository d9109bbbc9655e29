# current_task() is the task whose step is running; in a plain callback it is None,
# and outside a loop asking for it raises RuntimeError.
import asyncio

async def child():
    return asyncio.current_task().get_name()

def callback():
    print("in a callback:", asyncio.current_task())

async def main():
    print("in main:", asyncio.current_task().get_name())
    print("in child:", await asyncio.create_task(child(), name="kid"))
    print("awaited coroutine runs in main's task:", await child())
    asyncio.get_running_loop().call_soon(callback)
    await asyncio.sleep(0)

try:
    asyncio.current_task()
except RuntimeError as exc:
    print("outside:", exc)
asyncio.run(main())
