# Calling a generator function runs none of its body until the first next().
def traced():
    print("  body started")
    yield 1
    print("  resumed after first yield")
    yield 2
    print("  finishing")


print("calling")
g = traced()
print("called; now next")
print(next(g))
print("between")
print(next(g))
print(next(g, "done"))
