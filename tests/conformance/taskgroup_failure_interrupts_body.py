# A task of the group fails while the body of the async with is still awaiting: the
# body itself is cancelled at that await (its finally runs), then the group raises.
import asyncio

async def fails():
    await asyncio.sleep(1)
    raise ValueError("child failed")

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
            try:
                await asyncio.sleep(10)
                print("body not reached")
            except asyncio.CancelledError:
                print(f"{loop.time():.3f} body cancelled at its await")
                raise
            finally:
                print(f"{loop.time():.3f} body finally")
    except Exception as eg:
        print(f"{loop.time():.3f} {type(eg).__name__}: {[repr(e) for e in eg.exceptions]}")
    print("main is not cancelled:", not asyncio.current_task().cancelled())

asyncio.run(main())
