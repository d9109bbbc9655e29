# A chain of awaited coroutines suspends the task only at the innermost real
# suspension (here sleep), and resumes right there; the outer frames never pass
# through the loop on their own.
import asyncio

async def inner(label):
    print(f"inner {label}: before sleep")
    await asyncio.sleep(0.5)
    print(f"inner {label}: after sleep")
    return label.upper()

async def middle(label):
    print(f"middle {label}: calls inner")
    value = await inner(label)
    print(f"middle {label}: got {value}")
    return value * 2

async def outer(label):
    print(f"outer {label}: calls middle")
    value = await middle(label)
    print(f"outer {label}: got {value}")

async def main():
    await asyncio.gather(outer("a"), outer("b"))

asyncio.run(main())
