# A module's attributes are looked up through a cache in each function: storing,
# deleting and adding attributes must show at once, through a.b and a.b(...).
import math
import random


def pi():
    return math.pi


def floor(x):
    return math.floor(x)


def seeded():
    return random.seed


print(pi(), floor(2.5))
math.pi = 3
print(pi())
math.floor = lambda x: "patched"
print(floor(2.5))
del math.floor
try:
    floor(2.5)
except AttributeError as e:
    print("AttributeError:", e)
del math.pi
try:
    pi()
except AttributeError as e:
    print("AttributeError:", e)
math.pi = 4.0
math.extra = "new"
print(pi(), math.extra)
for i in range(3):
    math.pi = i
    print(pi(), end=" ")
print()
print(seeded() is random.seed)
