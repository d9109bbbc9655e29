# When main() returns, asyncio.run cancels the tasks still running and waits for them:
# their finally blocks run before run() returns. (One leftover task here: with several,
# CPython cancels them in set order, which is undefined.)
import asyncio

async def background():
    try:
        print("background starts")
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(f"background cancelled at {asyncio.get_running_loop().time():.3f}")
        raise
    finally:
        print("background finally")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main returns")

asyncio.run(main())
print("after asyncio.run")
