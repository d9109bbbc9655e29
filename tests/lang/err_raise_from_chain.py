# An uncaught chained exception: the last stderr line is the outermost one.
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("config value is not a number") from e


load("abc")
