# asyncio.run needs a coroutine, and cannot be called while a loop is running.
import asyncio

async def inner():
    return 1

async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as exc:
        print("nested run: RuntimeError:", exc)
    coro.close()

try:
    asyncio.run(42)
except ValueError as exc:
    print("ValueError:", exc)
asyncio.run(main())
