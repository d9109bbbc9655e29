# A pending Future's result() and exception() raise InvalidStateError; set_exception
# refuses StopIteration and takes an exception class as well as an instance.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for method in (fut.result, fut.exception):
        try:
            method()
        except asyncio.InvalidStateError as exc:
            print(method.__name__, "->", type(exc).__name__, exc)
    try:
        fut.set_exception(StopIteration())
    except TypeError as exc:
        print("TypeError:", exc)
    fut.set_exception(KeyError)
    print("exception class became", repr(fut.exception()))

asyncio.run(main())
