# set_exception makes await raise the exception; exception() returns it and result()
# raises it again. Setting a result twice is InvalidStateError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, ValueError("no value"))
    try:
        await fut
    except ValueError as exc:
        print("await raised", repr(exc))
    print("exception():", repr(fut.exception()))
    try:
        fut.result()
    except ValueError as exc:
        print("result() raised", repr(exc))
    for action in (lambda: fut.set_result(1), lambda: fut.set_exception(KeyError())):
        try:
            action()
        except asyncio.InvalidStateError as exc:
            print("InvalidStateError:", exc)

asyncio.run(main())
