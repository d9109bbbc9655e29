# A bare raise inside a handler re-raises the exception being handled.
def log_and_reraise():
    try:
        int("x")
    except ValueError:
        print("logging, then re-raising")
        raise


try:
    log_and_reraise()
except ValueError as e:
    print("re-raised:", e)
try:
    try:
        raise KeyError("k")
    except KeyError as e:
        caught = e
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise
except KeyError as e:
    print("still the KeyError:", e is caught)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
