# A tutorial's geometry helpers
import math
def circle_area(r):
    return math.pi * r ** 2
def distance(p, q):
    return math.sqrt((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2)
print(circle_area(1), circle_area(2.5), f"{circle_area(10):.2f}")
print(distance((0, 0), (3, 4)), distance((1, 1), (4, 5)), math.dist((1, 1), (4, 5)))
angle = math.atan2(1, 1)
print(angle, math.degrees(angle), round(math.sin(math.radians(30)), 10), math.cos(math.pi))
print([round(math.sqrt(n), 3) for n in range(10)])
print(sum(1 / math.factorial(k) for k in range(20)), math.e)
print(math.ceil(7 / 2), 7 // 2, -7 // 2, math.floor(-7 / 2))
