# Benchmark W1, switch cost: 10,000 tasks each await asyncio.sleep(0) 100 times, so the
# loop makes 1,000,000 hand-offs between tasks. Prints only the count of hand-offs.
# Run under handoff with --trace=off --clock=virtual; python3 runs it as it is.
import asyncio

TASKS = 10_000
ROUNDS = 100


async def worker(counter):
    for _ in range(ROUNDS):
        await asyncio.sleep(0)
        counter[0] += 1


async def main():
    counter = [0]
    await asyncio.gather(*(worker(counter) for _ in range(TASKS)))
    return counter[0]


print(f"hand-offs: {asyncio.run(main())}")
