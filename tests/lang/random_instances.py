# random.Random instances have their own state
import random

a = random.Random(42)
b = random.Random(42)
print(a.random() == b.random(), a.randint(1, 100), b.randint(1, 100))
c = random.Random("seed text")
print(c.random(), c.choice([1, 2, 3]), c.sample(range(10), 3))
random.seed(42)
print(random.random(), random.Random(42).random())
d = random.Random()
print(0 <= d.random() < 1)
d.seed(3)
print(d.getrandbits(16), d.uniform(0, 1), d.gauss(0, 1))
print(type(a).__name__, isinstance(a, random.Random))
