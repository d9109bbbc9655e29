# A Future resolved by a callback wakes the task awaiting it on the next turn, with the
# value set_result gave.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def resolve():
        print(f"{loop.time():.3f} callback sets the result")
        fut.set_result(99)
        print("  done right after set_result?", fut.done())

    loop.call_later(1, resolve)
    print("waiting on the future")
    value = await fut
    print(f"{loop.time():.3f} main got {value}; result() = {fut.result()}")

asyncio.run(main())
