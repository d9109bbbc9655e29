class RetryableError(Exception):
    def __init__(self, msg, attempts):
        super().__init__(msg)
        self.attempts = attempts


eg = ExceptionGroup("jobs", [
    RetryableError("net", 1),
    RetryableError("disk", 5),
    ValueError("bad input"),
    ExceptionGroup("sub", [RetryableError("cpu", 2), KeyError("k")]),
])
retry, give_up = eg.split(lambda e: isinstance(e, RetryableError) and e.attempts < 3)
print(repr(retry))
print(repr(give_up))
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "sub") is not None)
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
leaves = []


def collect(e):
    if isinstance(e, BaseExceptionGroup):
        for sub in e.exceptions:
            collect(sub)
    else:
        leaves.append(str(e))


collect(eg)
print(leaves, len(eg.exceptions), eg.message)
