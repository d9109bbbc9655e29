# Exceptions travel from an awaited coroutine up to its awaiter.
async def failing(message):
    raise ValueError(message)


async def handler():
    try:
        await failing("inner failure")
    except ValueError as e:
        print("  handled in awaiter:", e)
        return "recovered"


async def not_handling():
    await failing("escapes")
    print("never")


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


print(run(handler()))
try:
    run(not_handling())
except ValueError as e:
    print("escaped to the caller:", e)


async def with_finally():
    try:
        await failing("through finally")
    finally:
        print("  finally in coroutine")


try:
    run(with_finally())
except ValueError as e:
    print("caught:", e)
