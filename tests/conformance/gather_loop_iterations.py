# How many turns of the loop a gather takes. A ticker callback re-schedules itself with
# call_soon, so it counts loop iterations; we note the count when each step happens.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ticks = [0]

    def tick():
        ticks[0] += 1
        loop.call_soon(tick)

    async def child(name):
        print(f"tick {ticks[0]}: {name} starts")
        await asyncio.sleep(0)
        print(f"tick {ticks[0]}: {name} returns")
        return name

    async def immediate():
        print(f"tick {ticks[0]}: immediate returns")
        return "immediate"

    loop.call_soon(tick)
    await asyncio.sleep(0)
    print(f"tick {ticks[0]}: main calls gather")
    result = await asyncio.gather(child("a"), child("b"))
    print(f"tick {ticks[0]}: main resumes with {result}")
    result = await asyncio.gather(immediate())
    print(f"tick {ticks[0]}: main resumes with {result}")
    t = asyncio.create_task(immediate())
    print(f"tick {ticks[0]}: main awaits a task")
    await t
    print(f"tick {ticks[0]}: main resumes after the task")

asyncio.run(main())
