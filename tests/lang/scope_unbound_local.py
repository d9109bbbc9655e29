# Assigning anywhere in a function makes the name local for the whole body.
x = 10


def reads_then_assigns():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 5
    return x


print(reads_then_assigns(), x)


def only_reads():
    return x + 1


print(only_reads())


def conditional(flag):
    if flag:
        y = "set"
    return y


print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    conditional(False)
except NameError as e:
    print("caught as NameError:", type(e).__name__)
