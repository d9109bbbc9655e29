# shuffle and sample, small and large populations (CPython's pool and set paths)
import random

random.seed(31337)
cards = [rank + suit for suit in "SHDC" for rank in "A23456789TJQK"]
random.shuffle(cards)
print(cards[:13])
print(random.sample(cards, 5))
print(random.sample(range(10**6), 10))
print(random.sample(range(30), 30) == sorted(random.sample(range(30), 30)), sorted(random.sample(range(30), 30)) == list(range(30)))
print(random.sample(("a", "b", "c"), 2), random.sample("hello", 5), random.sample([], 0))
print(random.sample(range(100), k=25))
print(random.sample(["x", "y"], 5, counts=[3, 2]))
print(random.sample(range(1000), 40))
items = list("abcdef")
random.shuffle(items)
print(items)
for bad in [lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1), lambda: random.sample([1], -1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
