# An exception in an awaited coroutine, never caught, ends the program.
async def inner():
    raise TimeoutError("took too long")


async def outer():
    await inner()


outer().send(None)
