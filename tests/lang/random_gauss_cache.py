# gauss keeps its second value for the next call; seed() forgets it
import random

random.seed(5)
print(random.gauss(), random.gauss(), random.gauss(100, 15))
random.seed(5)
print(random.gauss())
random.seed(5)
print(random.gauss())
print(random.random())
print(random.gauss(mu=1, sigma=0))
print([round(random.normalvariate(0, 1), 6) for _ in range(3)])
print(random.expovariate(1.5), random.triangular(), random.triangular(0, 10, 8), random.triangular(5, 5))
print(random.uniform(10, 1), random.uniform(-1, 1))
