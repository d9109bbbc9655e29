# gather() with no arguments is already done: awaiting it returns [] without giving
# the loop a turn.
import asyncio

async def main():
    asyncio.get_running_loop().call_soon(print, "callback")
    result = await asyncio.gather()
    print("gather() ->", result, "(callback has not run)")
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
