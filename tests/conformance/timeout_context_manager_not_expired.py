# A timeout block that finishes in time raises nothing; when(), expired() and
# reschedule() report and move the deadline.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(2) as cm:
        print(f"deadline {cm.when():.3f}, expired? {cm.expired()}")
        await asyncio.sleep(1)
        cm.reschedule(loop.time() + 3)
        print(f"{loop.time():.3f} rescheduled to {cm.when():.3f}")
        await asyncio.sleep(2.5)
        print(f"{loop.time():.3f} body done")
    print(f"expired? {cm.expired()}")
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        await asyncio.sleep(100)
        cm.reschedule(loop.time() + 0.5)
        try:
            await asyncio.sleep(1)
        finally:
            print(f"{loop.time():.3f} cut short after reschedule")

async def outer():
    try:
        await main()
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.3f} TimeoutError")

asyncio.run(outer())
