# close() raises GeneratorExit inside the generator; finally blocks run.
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup ran")


g = with_cleanup()
print(next(g))
g.close()
print(next(g, "closed generator is exhausted"))
g.close()
unstarted = with_cleanup()
unstarted.close()
print("closing an unstarted generator runs nothing")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def catches_and_returns():
    try:
        yield 1
    except GeneratorExit:
        print("  saw GeneratorExit")
        return


c = catches_and_returns()
next(c)
c.close()
print("done")
