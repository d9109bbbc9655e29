# KeyError and IndexError messages.
attempts = [
    lambda: {"a": 1}["b"],
    lambda: {1: 1}[2],
    lambda: {(1, 2): 0}[(3, 4)],
    lambda: [1, 2, 3][3],
    lambda: [][0],
    lambda: (1,)[1],
    lambda: "abc"[10],
    lambda: [].pop(),
    lambda: range(2)[2],
]
for attempt in attempts:
    try:
        attempt()
    except (KeyError, IndexError) as e:
        print(type(e).__name__, e)
