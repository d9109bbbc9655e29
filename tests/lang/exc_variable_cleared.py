# The name bound by `except ... as e` is deleted when the handler ends.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
saved = None
try:
    raise KeyError("keep me")
except KeyError as err2:
    saved = err2
print("saved:", saved)
