# Raising and catching the remaining built-in exception kinds.
for exc_type in [NotImplementedError, KeyboardInterrupt, TimeoutError, RuntimeError,
                 StopAsyncIteration, OverflowError, AttributeError, AssertionError]:
    try:
        raise exc_type("message for " + exc_type.__name__)
    except BaseException as e:
        print(type(e).__name__, e, type(e) is exc_type)
try:
    raise KeyboardInterrupt
except Exception:
    print("never: KeyboardInterrupt is not an Exception")
except BaseException as e:
    print("KeyboardInterrupt caught by BaseException", repr(e))
