# Ten million hand-offs of control: two tasks take turns through sleep(0), each
# turn a suspend and a resume the trace records.
import asyncio

TURNS = 2_500_000  # per task; two tasks, each turn two hand-offs (away and back)


async def ping(name):
    for _ in range(TURNS):
        await asyncio.sleep(0)
    return name


async def main():
    print(await asyncio.gather(ping("a"), ping("b")))


asyncio.run(main())
