# The clock runs before asyncio.run too: time.sleep outside any loop advances it, and a
# loop started afterwards continues from there.
import asyncio
import time

start = time.perf_counter()
time.sleep(1.5)
print(f"slept {time.perf_counter() - start:.3f} before the loop")

async def main():
    t0 = time.perf_counter()
    await asyncio.sleep(1)
    print(f"asyncio.sleep(1) took {time.perf_counter() - t0:.3f}")

asyncio.run(main())
print(f"total {time.perf_counter() - start:.3f}")
