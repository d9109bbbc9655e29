# random with seed -5: the same numbers as CPython's Mersenne Twister
import random

random.seed(-5)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 5), random.randrange(50, 0, -7))
print(random.choice(["rock", "paper", "scissors"]), random.choice("abcdef"), random.choice(range(1000)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample("abcdefgh", 3))
print(random.choices(["a", "b", "c"], k=6))
print(random.uniform(1.5, 2.5), random.getrandbits(8), random.getrandbits(100))
print(random.gauss(0, 1), random.gauss(10, 2))
