# An exception raised inside a generator surfaces where it is resumed.
def numbers():
    yield 1
    raise ValueError("generator failed")


for n in numbers():
    print(n)
