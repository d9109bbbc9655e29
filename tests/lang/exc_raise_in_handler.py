# An exception raised inside a handler replaces the one being handled.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("raised while handling")
except ValueError as e:
    print(type(e).__name__, e)
    print("context:", type(e.__context__).__name__)
try:
    try:
        raise KeyError("first")
    except KeyError:
        [].pop()
except IndexError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
try:
    try:
        raise TypeError("in try")
    finally:
        print("finally runs before the handler")
except TypeError as e:
    print("caught", e)
