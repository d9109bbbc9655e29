def inner():
    raise ExceptionGroup("inner", [ValueError("a"), KeyError("b")])


def outer():
    try:
        inner()
    except* ValueError:
        raise TypeError("while handling")


outer()
