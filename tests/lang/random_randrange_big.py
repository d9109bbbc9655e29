# randrange and randint over big ranges and negative steps
import random

random.seed(12345)
print([random.randrange(2**64) for _ in range(3)])
print([random.randrange(-10**20, 10**20) for _ in range(3)])
print([random.randint(-(2**70), 2**70) for _ in range(2)])
print([random.randrange(10**30, 0, -3) for _ in range(2)])
print([random.randrange(2**31, 2**33, 1000) for _ in range(4)])
print([random.randint(0, 0) for _ in range(3)], [random.randint(-3, -1) for _ in range(6)])
print([random.randrange(1, 2**53) for _ in range(3)])
print([random.randrange(5.0) for _ in range(3)], random.randint(1, 2**63 - 1))
