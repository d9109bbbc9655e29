# async for needs an async iterable; a list is not one.
async def loop_over(thing):
    async for x in thing:
        print(x)


try:
    loop_over([1, 2]).send(None)
except TypeError as e:
    print(type(e).__name__, e)
