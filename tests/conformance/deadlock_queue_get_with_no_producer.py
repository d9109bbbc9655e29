# A consumer waits on a queue that nobody will ever fill again.
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait("only item")
    print("got", await q.get())
    print("waiting for a second item")
    await q.get()

asyncio.run(main())
