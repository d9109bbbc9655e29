# Seeds of every kind: ints of any size and sign, strings, floats, None
import random

for seed in [0, 1, -1, 2**32 - 1, 2**32, 2**64 + 7, -(2**70), 10**30, "", "a", "hello world", "ünïcödé ✓", 3.0, 2.5, -0.5, True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(0, 10**6))
random.seed(None)
x = random.random()
print(0.0 <= x < 1.0)
random.seed()
print(0 <= random.randrange(10) < 10)
random.seed(7)
a = [random.random() for _ in range(5)]
random.seed(7)
b = [random.random() for _ in range(5)]
print(a == b)
