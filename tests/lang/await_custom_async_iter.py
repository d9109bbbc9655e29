import asyncio


class Ticker:
    def __init__(self, count, delay):
        self.count = count
        self.delay = delay
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i


class Pages:
    def __init__(self, pages):
        self.pages = pages

    async def __aiter__(self):
        for page in self.pages:
            await asyncio.sleep(0.01)
            yield page


async def consume(name, delay):
    async for tick in Ticker(3, delay):
        print(name, tick)


async def main():
    await asyncio.gather(consume("fast", 0.1), consume("slow", 0.25))
    print([p async for p in Pages(["a", "b"])])
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print(e)


asyncio.run(main())
