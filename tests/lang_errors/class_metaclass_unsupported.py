# handoff has no metaclasses: `metaclass=` must be refused by name
# (CPython 3.11 runs this program happily).
def make_class(name, bases, namespace):
    return type(name, bases, namespace)


class Plugin(metaclass=make_class):
    pass


print("never printed: the class statement fails first", Plugin)
