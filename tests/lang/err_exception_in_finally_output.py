# finally blocks run (and print) before the program dies of an uncaught exception.
def work():
    try:
        print("working")
        raise KeyError("job")
    finally:
        print("cleaning up")


try:
    work()
finally:
    print("outer cleanup")
