import asyncio


class Connection:
    def __init__(self, name):
        self.name = name
        self.open = False

    async def __aenter__(self):
        print("connecting", self.name)
        await asyncio.sleep(0.1)
        self.open = True
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("closing", self.name, exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.1)
        self.open = False
        return exc_type is KeyError

    async def query(self, q):
        await asyncio.sleep(0.05)
        return f"{self.name}:{q}"


async def main():
    async with Connection("db") as conn:
        print(await conn.query("select"), conn.open)
    print(conn.open)
    async with Connection("cache"):
        raise KeyError("ignored")
    print("suppressed")
    try:
        async with Connection("bad"):
            raise ValueError("kept")
    except ValueError as e:
        print("caught", e)
    try:
        async with object():
            pass
    except TypeError as e:
        print(e)


asyncio.run(main())
