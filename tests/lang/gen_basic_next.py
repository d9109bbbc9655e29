# A def with yield makes a generator; next() runs it to the following yield.
def count_up(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


g = count_up(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(list(count_up(5)), sum(count_up(101)))
for value in count_up(2):
    print("for got", value)


def several():
    yield "a"
    yield "b"
    return


print(list(several()), iter(g) is g)
