# An uncaught exception prints a traceback to stderr and exits with status 1.
def check(value):
    if value < 0:
        raise ValueError("negative value: " + str(value))
    return value


print("before")
check(1)
check(-5)
print("never printed")
