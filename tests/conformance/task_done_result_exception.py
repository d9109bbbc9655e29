# done(), result() and exception() over a task's life: pending, finished with a value,
# finished with an exception.
import asyncio

async def ok():
    await asyncio.sleep(0.1)
    return "value"

async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("bad input")

async def main():
    good = asyncio.create_task(ok())
    failing = asyncio.create_task(bad())
    print("pending: done?", good.done(), failing.done())
    await asyncio.sleep(0.2)
    print("finished: done?", good.done(), failing.done())
    print("good.result():", repr(good.result()))
    print("good.exception():", good.exception())
    exc = failing.exception()
    print("failing.exception():", type(exc).__name__, exc)
    try:
        failing.result()
    except ValueError as e:
        print("failing.result() raised", repr(e))
    print("cancelled?", good.cancelled(), failing.cancelled())

asyncio.run(main())
