def fail(*excs):
    raise ExceptionGroup("batch", list(excs))


try:
    fail(ValueError("v1"), TypeError("t1"), ValueError("v2"))
except* ValueError as eg:
    print("values:", repr(eg), [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", repr(eg))

try:
    raise KeyError("naked")
except* KeyError as eg:
    print("naked:", repr(eg), type(eg).__name__)

try:
    try:
        fail(ValueError(1), OSError(2))
    except* ValueError:
        print("handled the ValueError")
except ExceptionGroup as rest:
    print("left over:", repr(rest))

try:
    try:
        fail(ValueError(1), OSError(2))
    except* ValueError:
        raise RuntimeError("handler failed")
except ExceptionGroup as eg:
    print("raised:", repr(eg))
    print("context:", repr(eg.exceptions[0].__context__))

try:
    try:
        fail(ValueError(1))
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print("re-raised:", repr(eg))

try:
    try:
        raise TypeError("x")
    except* ValueError:
        print("no")
except TypeError as e:
    print("unmatched naked passes through:", repr(e))

try:
    fail(ValueError(1))
except* (TypeError, ValueError) as eg:
    print("tuple:", repr(eg))
else:
    print("no else")

try:
    pass
except* ValueError:
    print("no")
else:
    print("else ran")
finally:
    print("finally ran")

for bad in [ExceptionGroup, int]:
    try:
        try:
            fail(ValueError(1))
        except* bad:
            pass
    except TypeError as e:
        print("TypeError:", e)


