# Estimating pi, a random walk and a password: seeded, so repeatable
import random
import string

random.seed(2023)
inside = 0
for _ in range(20000):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1:
        inside += 1
print("pi ~", 4 * inside / 20000)
position = 0
walk = []
for _ in range(20):
    position += random.choice([-1, 1])
    walk.append(position)
print(walk)
alphabet = string.ascii_letters + string.digits
print("".join(random.choice(alphabet) for _ in range(16)))
print("".join(random.sample(string.ascii_uppercase, 8)))
scores = {name: random.randint(50, 100) for name in ["ann", "bob", "cy"]}
print(scores, max(scores, key=scores.get))
