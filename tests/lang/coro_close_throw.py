# close() and throw() on coroutines that have not started.
async def body():
    print("never printed")
    return 1


c = body()
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
t = body()
try:
    t.throw(ValueError("thrown in"))
except ValueError as e:
    print("throw raised", type(e).__name__, e)
