def work():
    raise ExceptionGroup("outer", [
        ValueError("v1"),
        ExceptionGroup("middle", [TypeError("t1"), ValueError("v2"), ExceptionGroup("deep", [KeyError("k")])]),
        OSError("o"),
    ])


try:
    work()
except* ValueError as eg:
    print("ValueError part:", repr(eg))
except* (TypeError, KeyError) as eg:
    print("Type/Key part:", repr(eg))
except* OSError as eg:
    print("OSError part:", repr(eg))

count = 0
for attempt in range(3):
    try:
        raise ExceptionGroup("try", [ValueError(attempt)])
    except* ValueError as eg:
        count += eg.exceptions[0].args[0]
print("count", count)


def handler_raises():
    try:
        work()
    except* ValueError:
        raise RuntimeError("value handler failed")
    except* OSError:
        pass


try:
    handler_raises()
except ExceptionGroup as eg:
    print(repr(eg))
    print([type(e).__name__ for e in eg.exceptions])
