# Generators chained into a lazy pipeline, including an infinite source.
def naturals():
    n = 1
    while True:
        yield n
        n += 1


def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n


def take(n, source):
    for i, value in enumerate(source):
        if i >= n:
            return
        yield value


print(list(take(5, evens(naturals()))))
squares = (x * x for x in naturals())
for s in squares:
    if s > 50:
        break
    print(s, end=" ")
print()


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])
print(list(zip(range(3), fib())))
