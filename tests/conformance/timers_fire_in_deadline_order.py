# Timers fire by deadline, not by the order they were set, and the clock jumps from
# one deadline to the next.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fired = loop.create_future()
    remaining = [5]

    def ring(label):
        print(f"{loop.time():.3f} {label}")
        remaining[0] -= 1
        if remaining[0] == 0:
            fired.set_result(None)

    for delay in (3, 1, 4, 0.5, 2):
        loop.call_later(delay, ring, f"timer set for {delay}")
    await fired
    print(f"all fired by {loop.time():.3f}")

asyncio.run(main())
