# An exception raised while handling another: the new one ends the program.
try:
    [].pop()
except IndexError:
    print("handling")
    {}["missing"]
