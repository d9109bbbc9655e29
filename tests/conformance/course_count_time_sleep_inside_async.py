# The course's warning made concrete: count() written with async def but calling the
# blocking time.sleep. gather cannot overlap them, so the run takes three seconds and
# each "Two" follows its own "One".
import asyncio
import time

async def count():
    print("One")
    time.sleep(1)
    print("Two")

async def main():
    await asyncio.gather(count(), count(), count())

if __name__ == "__main__":
    s = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - s
    # The course prints the whole __file__; its last part keeps the output
    # the same wherever the program is run from.
    print(f"{__file__.split('/')[-1]} executed in {elapsed:0.2f} seconds.")
