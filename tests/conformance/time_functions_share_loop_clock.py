# time.perf_counter, time.monotonic and time.time all move with the loop's clock: the
# differences they measure agree with loop.time().
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    l0, p0, m0, w0 = loop.time(), time.perf_counter(), time.monotonic(), time.time()
    await asyncio.sleep(2.5)
    time.sleep(0.5)
    print(f"loop.time      moved {loop.time() - l0:.3f}")
    print(f"perf_counter   moved {time.perf_counter() - p0:.3f}")
    print(f"monotonic      moved {time.monotonic() - m0:.3f}")
    print(f"time           moved {time.time() - w0:.3f}")
    ns = time.perf_counter_ns()
    await asyncio.sleep(0.25)
    print("perf_counter_ns moved about", round((time.perf_counter_ns() - ns) / 1_000_000), "ms")

asyncio.run(main())
