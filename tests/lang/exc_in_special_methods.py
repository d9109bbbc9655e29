class Strict:
    def __init__(self, value):
        if value < 0:
            raise ValueError(f"negative: {value}")
        self.value = value

    def __getitem__(self, i):
        raise IndexError("no items")

    def __len__(self):
        raise RuntimeError("len failed")

    def __eq__(self, other):
        raise TypeError("no comparing")

    def __repr__(self):
        return f"Strict({self.value})"


for action in [lambda: Strict(-1), lambda: Strict(1)[0], lambda: len(Strict(1)),
               lambda: Strict(1) == Strict(2), lambda: Strict(1) in [Strict(2)]]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise KeyError("exit failed")


try:
    with Resource():
        raise ValueError("body failed")
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))


class BadIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise ZeroDivisionError("next failed")


try:
    for x in BadIter():
        pass
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
