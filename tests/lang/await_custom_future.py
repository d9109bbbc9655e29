import asyncio


class Ticket:
    """An awaitable that waits on a future some other task resolves."""

    def __init__(self, loop):
        self.future = loop.create_future()

    def __await__(self):
        print("waiting for ticket")
        result = yield from self.future
        return result * 2


class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value


class Ready:
    def __await__(self):
        return iter([])


async def resolve_later(ticket):
    await asyncio.sleep(0.1)
    print("resolving")
    ticket.future.set_result(21)


async def main():
    loop = asyncio.get_running_loop()
    ticket = Ticket(loop)
    asyncio.create_task(resolve_later(ticket))
    print("got", await ticket)
    print("delay", await Delay(0.2, "late"))
    print("ready", await Ready())
    async def wait(seconds, value):
        return await Delay(seconds, value)

    results = await asyncio.gather(wait(0.3, "a"), wait(0.1, "b"))
    print(results)
    print(await asyncio.wait_for(wait(0.1, "in time"), timeout=1))


asyncio.run(main())
