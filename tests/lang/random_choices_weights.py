# choices with weights, cumulative weights and k
import random

random.seed(99)
colors = ["red", "green", "blue"]
print(random.choices(colors, weights=[10, 1, 1], k=10))
print(random.choices(colors, cum_weights=[1, 2, 30], k=10))
print(random.choices(colors, [0.5, 0.25, 0.25], k=5))
print(random.choices(range(5), k=0), random.choices("xyz"))
print(random.choices([1, 2, 3], weights=[0, 0, 1], k=4))
counts = {c: 0 for c in colors}
for c in random.choices(colors, weights=[5, 3, 2], k=1000):
    counts[c] += 1
print(counts)
for bad in [dict(weights=[1, 2]), dict(weights=[0, 0, 0]), dict(weights=[1, 2, 3], cum_weights=[1, 2, 3])]:
    try:
        random.choices(colors, **bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.choices(colors, 3)
except TypeError as e:
    print("TypeError", e)
