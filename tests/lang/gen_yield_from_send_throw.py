# send() and throw() pass through yield from to the innermost generator.
def inner():
    try:
        while True:
            received = yield "inner waiting"
            print("  inner received", received)
    except ValueError as e:
        print("  inner caught", e)
        return "inner done"


def outer():
    result = yield from inner()
    print("  outer got", result)
    yield "outer continues"


g = outer()
print(next(g))
print(g.send("hello"))
print(g.throw(ValueError("stop")))
print(next(g, "end"))


def closing_inner():
    try:
        yield 1
    finally:
        print("  inner finally")


def closing_outer():
    yield from closing_inner()


c = closing_outer()
next(c)
c.close()
print("close reached the inner generator")
