# Awaiting something that is not awaitable is a TypeError.
async def bad(value):
    await value


for value in [5, "text", None, [1]]:
    try:
        bad(value).send(None)
    except TypeError as e:
        print(type(e).__name__, e)
