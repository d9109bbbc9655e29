# Tasks sleeping until the same deadline wake in the order they went to sleep, not in
# the order they were created.
import asyncio

async def sleeper(name, pre_steps):
    for _ in range(pre_steps):
        await asyncio.sleep(0)
    print(f"{name} goes to sleep")
    await asyncio.sleep(1)
    print(f"{name} wakes at {asyncio.get_running_loop().time():.3f}")

async def main():
    # Created A, B, C, D; they reach sleep(1) in the order D, C, B, A, so their
    # deadlines differ only by the virtual time of zero and tie.
    tasks = [asyncio.create_task(sleeper(name, 3 - i)) for i, name in enumerate("ABCD")]
    await asyncio.gather(*tasks)

asyncio.run(main())
