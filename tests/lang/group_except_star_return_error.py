# `return` inside an except* clause is a syntax error, even in a function that
# is never called.
def handle():
    try:
        pass
    except* KeyError:
        return "handled"


print("never printed")
