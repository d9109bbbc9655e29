# send() resumes a generator and makes the paused yield evaluate to the value sent.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


acc = accumulator()
print(acc.send(None))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)


def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)


e = echo()
print(next(e), e.send(1), e.send("two"), next(e))
fresh = echo()
try:
    fresh.send("too early")
except TypeError as err:
    print(type(err).__name__, err)
