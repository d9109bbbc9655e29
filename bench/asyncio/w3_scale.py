# Benchmark W3, scale: 1,000,000 tasks each sleep a pseudo-random 0-1 s, then finish.
# The delays come from a small linear congruential generator (seed 1) so the program
# needs no random module and every run sleeps the same delays. Prints only counts.
import asyncio

TASKS = 1_000_000

state = [1]


def next_delay():
    # 31-bit LCG (the C standard's example constants): products stay within 64 bits.
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] / 2147483648


async def sleeper(delay, counter, all_done):
    await asyncio.sleep(delay)
    counter[0] += 1
    if counter[0] == TASKS:
        all_done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    counter = [0]
    all_done = loop.create_future()
    longest = 0.0
    for _ in range(TASKS):
        delay = next_delay()
        longest = max(longest, delay)
        asyncio.create_task(sleeper(delay, counter, all_done))
    await all_done
    print(f"tasks finished: {counter[0]}, longest sleep: {longest:.6f} s")


asyncio.run(main())
