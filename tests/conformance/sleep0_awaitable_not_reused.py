# `await asyncio.sleep(0)` may hand its finished awaitable back to be made again, but
# only when nothing else can reach it: not one taken through cr_await, nor one kept
# in a name. Each new sleep(0) must be a new object to the program.
import asyncio


async def napper(log):
    for i in range(3):
        await asyncio.sleep(0)
        log.append(i)


async def main():
    log = []
    task = asyncio.create_task(napper(log))
    await asyncio.sleep(0)                  # napper is now suspended in its first sleep(0)
    held = task.get_coro().cr_await         # a second reference to that awaitable
    print("held is what napper awaits:", held is task.get_coro().cr_await)
    spare = asyncio.sleep(0)                # made, not awaited yet
    await task                              # napper's sleeps end while main holds `held`
    print("napper's log:", log)
    fresh = [asyncio.sleep(0) for _ in range(3)]
    print("a new sleep(0) is the held one:", any(f is held for f in fresh))
    print("or the spare one:", any(f is spare for f in fresh))
    for f in [spare, *fresh]:
        await f
    kept = asyncio.sleep(0)
    await kept
    try:
        await kept
    except RuntimeError as e:
        print("awaiting it again:", e)
    again = asyncio.sleep(0)
    print("a new sleep(0) is the kept one:", again is kept)
    await again
    try:
        await held
    except RuntimeError as e:
        print("awaiting the held one:", e)


asyncio.run(main())
