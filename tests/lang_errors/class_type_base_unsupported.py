# A class deriving from `type` is a metaclass, which handoff does not have
# (CPython 3.11 runs this program happily).
class Meta(type):
    pass


print("never printed: the class statement fails first", Meta)
