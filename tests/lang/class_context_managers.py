class Timer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False


with Timer("a") as t:
    print("inside", t.name)


class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, self.types)


with Suppress(KeyError, ZeroDivisionError):
    1 / 0
print("suppressed")
try:
    with Timer("b"), Suppress(KeyError):
        raise ValueError("boom")
except ValueError as e:
    print("escaped:", e)


def use():
    with Timer("c"):
        return "returned"


print(use())


class Broken:
    pass


try:
    with Broken():
        pass
except TypeError as e:
    print(e)


class Transaction:
    def __init__(self):
        self.ops = []

    def __enter__(self):
        return self.ops

    def __exit__(self, exc_type, exc, tb):
        if exc_type:
            print("rollback", len(self.ops))
            self.ops.clear()
            return True
        print("commit", self.ops)


tx = Transaction()
with tx as ops:
    ops.append("insert")
with tx as ops:
    ops.append("update")
    raise RuntimeError("fail")
print(tx.ops)
