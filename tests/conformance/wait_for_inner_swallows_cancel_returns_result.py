# If the inner task catches the cancellation wait_for sends on timeout and returns a
# value anyway, wait_for (3.11) returns that value instead of raising TimeoutError.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancellation")
    return "late value"

async def main():
    result = await asyncio.wait_for(stubborn(), timeout=1)
    print(f"wait_for returned {result!r} at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
