# Annotations are accepted and ignored at run time.
def scale(value: float, factor: int = 2) -> float:
    return value * factor


def greet(name: str, *args: int, loud: bool = False, **kw: str) -> None:
    print(name.upper() if loud else name, args, kw)


count: int = 3
ratio: float
items: list = []
print(scale(1.5), scale(2, 3), count, items)
greet("ada", 1, 2, loud=True, extra="x")
mapping: dict = {"k": 1}
print(mapping)
try:
    print(ratio)
except NameError as e:
    print(type(e).__name__, e)


def typed_locals() -> int:
    total: int = 0
    for i in range(4):
        total += i
    return total


print(typed_locals())
