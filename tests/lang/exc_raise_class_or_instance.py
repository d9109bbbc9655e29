# raise accepts an exception class (instantiated with no arguments) or an instance.
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    raise IndexError("with message")
except IndexError as e:
    print(type(e).__name__, repr(e))
err = KeyError("prepared")
try:
    raise err
except KeyError as e:
    print(e is err)
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
