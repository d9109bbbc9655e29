# An import inside a function binds a local name.
def elapsed():
    import time
    start = time.perf_counter()
    return time.perf_counter() - start


print(elapsed() >= 0)
try:
    time
except NameError as e:
    print(type(e).__name__, e)
