import asyncio


class Worker:
    instances = 0

    def __init__(self, name, delay):
        self.name = name
        self.delay = delay
        Worker.instances += 1

    async def run(self, n):
        total = 0
        for i in range(n):
            await asyncio.sleep(self.delay)
            total += i
        return f"{self.name}: {total}"

    @classmethod
    async def create(cls, name):
        await asyncio.sleep(0.01)
        return cls(name, 0.1)

    @staticmethod
    async def pause():
        await asyncio.sleep(0.05)
        return "paused"


class Pool:
    def __init__(self, workers):
        self.workers = workers

    async def run_all(self, n):
        return await asyncio.gather(*(w.run(n) for w in self.workers))

    def __await__(self):
        return self.run_all(2).__await__()


async def main():
    w = await Worker.create("made")
    print(await w.run(3), await Worker.pause())
    pool = Pool([Worker("a", 0.2), Worker("b", 0.1), w])
    print(await pool.run_all(2))
    print(await pool)
    tasks = [asyncio.create_task(wk.run(1), name=wk.name) for wk in pool.workers]
    done = await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    print(done, [t.get_name() for t in tasks], Worker.instances)


asyncio.run(main())
