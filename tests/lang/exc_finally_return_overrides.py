# A return in finally replaces the try's return value and swallows its exception.
def overrides_return():
    try:
        return "from try"
    finally:
        return "from finally"


def swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


def finally_sees_state():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")


def return_value_fixed_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2


print(overrides_return())
print(swallows_exception())
print(finally_sees_state())
print(return_value_fixed_before_finally())


def in_loop():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("finally for", i)


print(in_loop())
