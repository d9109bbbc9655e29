# When wait_for times out it cancels the inner task and waits for it to finish
# cancelling (its finally runs, even one that takes time) before raising TimeoutError,
# which is the built-in TimeoutError.
import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
    finally:
        print(f"{asyncio.get_running_loop().time():.3f} slow: finally, cleanup takes 0.5 s")
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.3f} slow: cleanup done")

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except TimeoutError as exc:
        print(f"{loop.time():.3f} main: {type(exc).__name__} args={exc.args}")
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
