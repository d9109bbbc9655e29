# *args collects extra positional arguments into a tuple.
def total(*numbers):
    print(type(numbers).__name__, numbers)
    return sum(numbers)


print(total())
print(total(1, 2, 3))


def describe(first, *rest):
    return f"{first} then {rest}"


print(describe("a"), describe("a", "b", "c"))


def join_with(sep, *parts, end="."):
    return sep.join(parts) + end


print(join_with("-", "x", "y", "z"), join_with(" ", "hi", end="!"))
