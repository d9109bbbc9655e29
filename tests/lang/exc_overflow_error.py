# OverflowError and friends when converting between int and float.
attempts = [
    lambda: float(10 ** 400),
    lambda: int(float("inf")),
    lambda: int(float("-inf")),
    lambda: 10 ** 400 / 1,
    lambda: round(float("inf")),
]
for attempt in attempts:
    try:
        attempt()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
