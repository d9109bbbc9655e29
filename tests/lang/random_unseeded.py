# Without a seed the numbers come from the OS: only their ranges are checked
import random

values = [random.random() for _ in range(100)]
print(all(0.0 <= v < 1.0 for v in values), len(set(values)) > 90)
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(100)))
print(sorted(random.sample(range(5), 5)))
