# Two hundred tasks sleep pseudo-random multiples of 1/8 s (many exact ties), some
# twice; the wake-up order must follow deadline, then the order the timers were set.
import asyncio

state = [12345]

def next_rand():
    # A tiny linear congruential generator: the same numbers everywhere.
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] >> 16

async def sleeper(i, order):
    await asyncio.sleep((next_rand() % 16) / 8)
    order.append(i)
    if i % 3 == 0:
        await asyncio.sleep((next_rand() % 4) / 8)
        order.append(1000 + i)

async def main():
    order = []
    await asyncio.gather(*(sleeper(i, order) for i in range(200)))
    for start in range(0, len(order), 20):
        print(" ".join(str(n) for n in order[start:start + 20]))
    print(f"finished at {asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
