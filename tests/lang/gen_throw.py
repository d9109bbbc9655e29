# throw() raises an exception at the paused yield.
def resilient():
    while True:
        try:
            yield "working"
        except ValueError as e:
            print("  generator handled", e)
            yield "recovered"


g = resilient()
print(next(g))
print(g.throw(ValueError("glitch")))
print(next(g))


def fragile():
    yield 1
    yield 2


f = fragile()
next(f)
try:
    f.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated:", e)
print(next(f, "finished after throw"))
unstarted = fragile()
try:
    unstarted.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted:", e)
try:
    next(unstarted)
except StopIteration:
    print("unstarted generator is now closed")
