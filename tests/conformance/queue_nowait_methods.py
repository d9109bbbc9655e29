# put_nowait/get_nowait, qsize, empty, full and maxsize on a bounded Queue; QueueFull
# and QueueEmpty when it cannot proceed.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize, "qsize", q.qsize(), "empty", q.empty(), "full", q.full())
    q.put_nowait("a")
    q.put_nowait("b")
    print("qsize", q.qsize(), "empty", q.empty(), "full", q.full())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    print("unbounded maxsize", unbounded.maxsize, "full?", unbounded.full(), "qsize", unbounded.qsize())
    print("QueueFull/QueueEmpty are Exceptions:",
          issubclass(asyncio.QueueFull, Exception), issubclass(asyncio.QueueEmpty, Exception))

asyncio.run(main())
