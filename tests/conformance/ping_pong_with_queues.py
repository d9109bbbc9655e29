# Two tasks hand a ball back and forth through two queues: each hand-off is one
# put/get pair, and the loop alternates between them.
import asyncio

async def player(name, inbox, outbox, rounds):
    for _ in range(rounds):
        ball = await inbox.get()
        print(f"{asyncio.get_running_loop().time():.3f} {name} hits {ball}")
        await asyncio.sleep(0.25)
        await outbox.put(ball + 1)

async def main():
    to_ping, to_pong = asyncio.Queue(), asyncio.Queue()
    to_ping.put_nowait(0)
    await asyncio.gather(player("ping", to_ping, to_pong, 3),
                         player("pong", to_pong, to_ping, 3))
    print("ball left in ping's queue:", to_ping.get_nowait())

asyncio.run(main())
