"""Module docstring: accepted, and it does not print anything."""


def documented(x):
    """Return x doubled.

    A docstring may span several lines.
    """
    return x * 2


def only_docstring():
    """Nothing else in the body."""


print(documented(21))
print(only_docstring())


def docstring_then_code():
    "A one-line docstring in plain quotes."
    x = 1
    return x


print(docstring_then_code())
