# await runs another coroutine inside the awaiting one, three levels deep.
async def leaf(n):
    print("  leaf", n)
    return n * 10


async def middle(n):
    first = await leaf(n)
    second = await leaf(n + 1)
    return first + second


async def top():
    results = []
    for i in range(3):
        results.append(await middle(i))
    return results


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


print(run(top()))


async def compute(x):
    return x * x


async def expression_awaits():
    return await compute(3) + await compute(4)


print(run(expression_awaits()))
