# The course's first async program: three count() coroutines run concurrently under
# asyncio.gather, so "One" prints three times before any "Two", and the whole run takes
# one second, not three.
import asyncio

async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")

async def main():
    await asyncio.gather(count(), count(), count())

if __name__ == "__main__":
    import time
    s = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - s
    # The course prints the whole __file__; its last part keeps the output
    # the same wherever the program is run from.
    print(f"{__file__.split('/')[-1]} executed in {elapsed:0.2f} seconds.")
