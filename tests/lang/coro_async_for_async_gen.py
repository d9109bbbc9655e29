# async def with yield makes an async generator; async for consumes it.
async def ticker(n):
    for i in range(n):
        yield i * i


async def collect():
    out = []
    async for value in ticker(4):
        out.append(value)
    else:
        out.append("else")
    return out


agen = ticker(1)
print(type(agen).__name__)
try:
    collect().send(None)
except StopIteration as e:
    print(e.value)


async def early_break():
    async for value in ticker(10):
        if value > 3:
            return value


try:
    early_break().send(None)
except StopIteration as e:
    print("broke at", e.value)
