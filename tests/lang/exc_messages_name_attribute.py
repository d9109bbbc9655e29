# NameError and AttributeError messages.
try:
    print(never_defined_anywhere)
except NameError as e:
    print(type(e).__name__, e)
attempts = [
    lambda: (5).foo,
    lambda: [].push(1),
    lambda: "s".no_such_method(),
    lambda: {}.append,
    lambda: None.attribute,
    lambda: (1, 2).append(3),
]
for attempt in attempts:
    try:
        attempt()
    except AttributeError as e:
        print(type(e).__name__, e)
