# Using a name that was never bound raises NameError.
try:
    print(undefined_variable_xyz)
except NameError as e:
    print(type(e).__name__, e)


def uses_missing():
    return missing_helper_qqq(1)


try:
    uses_missing()
except NameError as e:
    print(type(e).__name__, e)


def outer():
    def inner():
        return later_free
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later_free = 1
    return inner()


print(outer())
