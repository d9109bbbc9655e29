# ValueError messages, worded as CPython words them.
attempts = [
    lambda: int("abc"),
    lambda: int("12.5"),
    lambda: int(""),
    lambda: int("z", 10),
    lambda: float("x"),
    lambda: [1, 2].remove(3),
    lambda: [1, 2].index(3),
    lambda: "abc".index("z"),
    lambda: max([]),
    lambda: min([]),
    lambda: chr(-1),
    lambda: int(float("nan")),
    lambda: range(0, 1, 0),
]
for attempt in attempts:
    try:
        attempt()
    except ValueError as e:
        print(type(e).__name__, e)
for values in [[1, 2, 3], [1]]:
    try:
        a, b = values
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a, b, c = "xy"
except ValueError as e:
    print(type(e).__name__, e)
