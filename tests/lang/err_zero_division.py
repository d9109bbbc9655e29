# Uncaught ZeroDivisionError from deep inside calls.
def ratio(a, b):
    return a / b


def report(values):
    return [ratio(1, v) for v in values]


print(report([1, 2]))
print(report([1, 0]))
