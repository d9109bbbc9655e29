# random's errors, worded as CPython's
import random

tests = [
    lambda: random.choice([]),
    lambda: random.randint(5, 1),
    lambda: random.randrange(0),
    lambda: random.randrange(1, 1),
    lambda: random.randrange(0, 10, 0),
    lambda: random.randrange(10, 0),
    lambda: random.randrange(1.5),
    lambda: random.randrange("5"),
    lambda: random.getrandbits(-1),
    lambda: random.sample(range(3), 4),
    lambda: random.seed([1, 2]),
    lambda: random.uniform("a", 1),
]
for test in tests:
    try:
        test()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
