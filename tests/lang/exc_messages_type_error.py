# TypeError messages, worded as CPython words them.
five = 5
pair = [1, 2]
text = "abc"
attempts = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + "a",
    lambda: five[0],
    lambda: five(),
    lambda: len(5),
    lambda: -"x",
    lambda: 1 < "x",
    lambda: {[]: 1},
    lambda: (1, 2)[0:1].append(3),
    lambda: [x for x in 5],
    lambda: "a" * "b",
    lambda: None + 1,
    lambda: int([1]),
    lambda: pair["a"],
    lambda: text[1.5],
    lambda: sum(["a", "b"]),
    lambda: "x".join([1, 2]),
    lambda: sorted([1, "a"]),
]
for attempt in attempts:
    try:
        attempt()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
