# call_later returns a TimerHandle: when() gives its deadline on the loop's clock and
# cancel() stops it from firing.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    keep = loop.call_later(1, print, "kept timer fires")
    drop = loop.call_later(0.5, print, "dropped timer (never printed)")
    print(f"deadlines {keep.when():.3f} {drop.when():.3f}")
    drop.cancel()
    print("dropped cancelled?", drop.cancelled(), "kept cancelled?", keep.cancelled())
    await asyncio.sleep(2)
    print(f"{loop.time():.3f} main done")

asyncio.run(main())
