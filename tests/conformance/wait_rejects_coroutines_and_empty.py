# wait() in 3.11 refuses bare coroutines (wrap them in tasks) and an empty collection.
import asyncio

async def job():
    return 1

async def main():
    coro = job()
    try:
        await asyncio.wait([coro])
    except TypeError as exc:
        print("TypeError:", exc)
    coro.close()
    try:
        await asyncio.wait([])
    except ValueError as exc:
        print("ValueError:", exc)
    try:
        await asyncio.wait([asyncio.create_task(job())], return_when="SOMETIMES")
    except ValueError as exc:
        print("ValueError:", exc)

asyncio.run(main())
