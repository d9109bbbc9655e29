# ZeroDivisionError messages depend on the operation and the operand types.
attempts = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0,
    lambda: 2 ** 100 // 0,
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
]
for attempt in attempts:
    try:
        attempt()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
