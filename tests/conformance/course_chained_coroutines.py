# Chaining coroutines (the course's chained.py): each chain awaits part1 then part2,
# and the chains run concurrently under gather. Delays are fixed instead of random.
import asyncio
import time

DELAYS = {1: (2, 1), 2: (0, 3), 3: (1, 0)}

async def part1(n):
    i = DELAYS[n][0]
    print(f"part1({n}) sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-1"
    print(f"Returning part1({n}) == {result}.")
    return result

async def part2(n, arg):
    i = DELAYS[n][1]
    print(f"part2{n, arg} sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-2 derived from {arg}"
    print(f"Returning part2{n, arg} == {result}.")
    return result

async def chain(n):
    start = time.perf_counter()
    p1 = await part1(n)
    p2 = await part2(n, p1)
    end = time.perf_counter() - start
    print(f"-->Chained result{n} => {p2} (took {end:0.2f} seconds).")
    return p2

async def main(*args):
    results = await asyncio.gather(*(chain(n) for n in args))
    print(results)

if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main(1, 2, 3))
    end = time.perf_counter() - start
    print(f"Program finished in {end:0.2f} seconds.")
