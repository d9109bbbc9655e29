# as_completed(timeout=...): results that arrive in time are yielded; awaiting the next
# one after the deadline raises TimeoutError, and the slow tasks keep running.
import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(d)) for d in (0.5, 3, 1)]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=2):
            result = await next_done
            print(f"{loop.time():.3f} got {result}")
    except TimeoutError:
        print(f"{loop.time():.3f} TimeoutError")
    print("slow task cancelled?", tasks[1].cancelled(), "done?", tasks[1].done())
    print("slow task result:", await tasks[1], f"at {loop.time():.3f}")

asyncio.run(main())
