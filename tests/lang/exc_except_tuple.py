# One handler can catch several exception types.
def trouble(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "type":
        raise TypeError("bad type")
    if kind == "key":
        raise KeyError("bad key")
    return "fine"


for kind in ["value", "type", "key", "none"]:
    try:
        print(trouble(kind))
    except (ValueError, TypeError) as e:
        print("value-or-type:", type(e).__name__, e)
    except (KeyError,) as e:
        print("key:", e)
errors = (ZeroDivisionError, IndexError)
try:
    [1][5]
except errors as e:
    print("from a tuple variable:", type(e).__name__)
