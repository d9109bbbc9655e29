# Without return_exceptions, a child that is cancelled makes the gather raise
# CancelledError in its awaiter; the gather itself is not cancelled and the other
# children run on.
import asyncio

async def child(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name

async def main():
    victim = asyncio.create_task(child("victim", 5))
    other = asyncio.create_task(child("other", 1))
    g = asyncio.gather(victim, other)
    asyncio.get_running_loop().call_later(0.5, victim.cancel)
    try:
        await g
    except asyncio.CancelledError:
        print("main: gather raised CancelledError")
    print("gather cancelled?", g.cancelled(), "other cancelled?", other.cancelled())
    await other

asyncio.run(main())
