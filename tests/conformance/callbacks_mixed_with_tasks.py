# Callbacks (call_soon, call_later, done callbacks) and task steps share one ready
# queue and one timer heap; this shows how they interleave.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = lambda msg: print(f"{loop.time():.3f} {msg}")

    async def task_body(name, delay):
        log(f"{name} step 1")
        await asyncio.sleep(delay)
        log(f"{name} step 2")
        return name

    loop.call_later(0.5, log, "call_later(0.5)")
    t1 = asyncio.create_task(task_body("T1", 0.5))
    loop.call_soon(log, "call_soon A")
    t2 = asyncio.create_task(task_body("T2", 0))
    loop.call_soon(log, "call_soon B")
    t1.add_done_callback(lambda t: log(f"done callback of {t.result()}"))
    t2.add_done_callback(lambda t: log(f"done callback of {t.result()}"))
    log("main awaits T1")
    await t1
    log("main resumed")

asyncio.run(main())
