# Awaiting a coroutine runs it inside the awaiting task, like a call: if it never
# suspends, no other task or callback runs in between.
import asyncio

async def add(a, b):
    return a + b

async def compute():
    total = 0
    for i in range(5):
        total = await add(total, i)
        print(f"compute: step {i}, total {total}")
    return total

async def other():
    print("other task runs")

async def main():
    asyncio.get_running_loop().call_soon(print, "callback runs")
    asyncio.create_task(other())
    print("result", await compute())
    print("main has not yielded yet")
    await asyncio.sleep(0)
    print("main after sleep(0)")

asyncio.run(main())
