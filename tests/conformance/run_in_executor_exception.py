# An exception in the executor function is raised where the future is awaited.
import asyncio
import time

def broken(x):
    time.sleep(0.5)
    return 1 / x

async def main():
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(None, broken, 0)
    except ZeroDivisionError as exc:
        print(f"{loop.time():.3f} caught {type(exc).__name__}: {exc}")
    print(await loop.run_in_executor(None, broken, 4))

asyncio.run(main())
