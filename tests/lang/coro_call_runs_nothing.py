# Calling an async def function creates a coroutine object and runs nothing.
async def greet(name):
    print("  body running for", name)
    return "hello " + name


coro = greet("ada")
print("created:", type(coro).__name__)
print("nothing ran yet")
try:
    coro.send(None)
except StopIteration as e:
    print("result:", e.value)
other = greet("never run")
other.close()
print("closed without running")
