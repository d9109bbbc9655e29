# A function's docstring is kept in __doc__; without one, __doc__ is None.
def documented(x):
    """Return x doubled.

    A docstring may span several lines.
    """
    return x * 2


def no_doc():
    return 1


def not_first():
    x = 1
    """Not a docstring: it is not the first statement."""
    return x


print(documented.__doc__.splitlines()[0])
print(repr(documented.__doc__.splitlines()[2]))
print(no_doc.__doc__, not_first.__doc__)
