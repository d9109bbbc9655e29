# async with needs an asynchronous context manager; with needs a context manager.
# (The core has no built-in managers to use here: classes come in a later issue.)
async def use(thing):
    async with thing:
        print("never")


try:
    use(5).send(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    with 5:
        print("never")
except TypeError as e:
    print(type(e).__name__, e)
try:
    with [1, 2] as items:
        print("never")
except TypeError as e:
    print(type(e).__name__, e)
