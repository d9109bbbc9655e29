# Benchmark W2, memory per task: N tasks (argv[1], default 100,000) all suspended in
# asyncio.sleep at once. Peak RSS minus an empty run's (N = 0), divided by N, is the
# cost of one waiting task. Prints only counts.
import asyncio

try:
    import sys
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
except ImportError:     # no sys module yet: the default size
    N = 100_000


async def sleeper():
    await asyncio.sleep(1)


async def main():
    tasks = [asyncio.create_task(sleeper()) for _ in range(N)]
    await asyncio.sleep(0.5)        # every task is now parked in its sleep: the peak
    waiting = sum(1 for t in tasks if not t.done())
    await asyncio.sleep(1)
    finished = sum(1 for t in tasks if t.done())
    print(f"tasks: {N}, waiting at the peak: {waiting}, finished: {finished}")


asyncio.run(main())
