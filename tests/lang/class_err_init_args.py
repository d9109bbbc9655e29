class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point(1, y=2, z=3)
except TypeError as e:
    print(e)


class NoInit:
    pass


try:
    NoInit(5)
except TypeError as e:
    print(e)


class BadInit:
    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as e:
    print(e)
p = Point(1, 2)
try:
    p.move()
except AttributeError as e:
    print(e)
try:
    Point.origin
except AttributeError as e:
    print(e)
try:
    Point.__init__(None, 1)
except TypeError as e:
    print(e)
Point(1, 2).z
