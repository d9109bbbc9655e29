# get_running_loop() outside a running loop raises RuntimeError; inside it returns the
# same loop every time.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as exc:
    print("outside:", exc)

async def main():
    first = asyncio.get_running_loop()
    await asyncio.sleep(0)
    print("inside, same loop:", asyncio.get_running_loop() is first)

asyncio.run(main())
