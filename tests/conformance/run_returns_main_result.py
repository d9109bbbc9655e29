# asyncio.run returns what the main coroutine returns, and raises what it raises.
import asyncio

async def compute(x):
    await asyncio.sleep(0.1)
    return x * x

async def broken():
    await asyncio.sleep(0.1)
    raise KeyError("missing key")

print("run returned", asyncio.run(compute(12)))
try:
    asyncio.run(broken())
except KeyError as exc:
    print("run raised", repr(exc))
