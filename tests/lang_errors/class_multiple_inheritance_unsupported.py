# handoff's classes have one base: a class with two must be refused with a
# message naming what is missing (CPython 3.11 runs this program happily).
class Walker:
    def move(self):
        return "walks"


class Swimmer:
    def move(self):
        return "swims"


class Duck(Walker, Swimmer):
    pass


print("never printed: the class statement fails first", Duck().move())
