# An exception that escapes main() ends the program with CPython's traceback and exit
# status 1, after the output printed so far.
import asyncio

async def step(n):
    await asyncio.sleep(0.1)
    print("step", n)
    if n == 2:
        raise RuntimeError(f"failed at step {n}")

async def main():
    for n in range(5):
        await step(n)

asyncio.run(main())
