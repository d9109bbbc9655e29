# A tutorial's dice and coin simulation, seeded with 444
import random

random.seed(444)
rolls = [random.randint(1, 6) for _ in range(20)]
print("rolls:", rolls)
print("sum:", sum(rolls), "sixes:", rolls.count(6))
flips = "".join(random.choice("HT") for _ in range(30))
print(flips)
counts = {}
for _ in range(1000):
    face = random.randint(1, 6)
    counts[face] = counts.get(face, 0) + 1
print(sorted(counts.items()))
print(f"{random.random():.4f}", round(random.uniform(0, 100), 2))
