# global lets a function rebind a module-level name.
counter = 0


def increment():
    global counter
    counter += 1


def read_only():
    return counter * 10


def create():
    global created
    created = "made inside a function"


for _ in range(3):
    increment()
print(counter, read_only())
create()
print(created)


def shadow():
    counter = "local"
    return counter


print(shadow(), counter)


def two_names():
    global a, b
    a, b = 1, 2


two_names()
print(a, b)
