# notify_all wakes every waiter; wait_for(predicate) loops on wait() until the predicate
# holds and returns its value. Notifying without the lock is a RuntimeError.
import asyncio

async def watcher(name, cond, state):
    async with cond:
        value = await cond.wait_for(lambda: state["level"] >= 3)
        print(f"{asyncio.get_running_loop().time():.3f} {name} sees level {state['level']} (predicate gave {value})")

async def main():
    cond = asyncio.Condition()
    state = {"level": 0}
    tasks = [asyncio.create_task(watcher(f"w{i}", cond, state)) for i in range(3)]
    for level in range(1, 4):
        await asyncio.sleep(1)
        async with cond:
            state["level"] = level
            print(f"{asyncio.get_running_loop().time():.3f} level {level}, notify_all")
            cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

asyncio.run(main())
