# Each generator keeps its own local variables between yields.
def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


a = running_average()
b = running_average()
next(a)
next(b)
print(a.send(10), a.send(20), b.send(1), a.send(30), b.send(3))


def counter(start):
    while True:
        start += 1
        yield start


c1, c2 = counter(0), counter(100)
print(next(c1), next(c1), next(c2), next(c1), next(c2))
