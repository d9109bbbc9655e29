# raise ... from sets __cause__; from None hides the context.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("could not parse " + repr(text)) from e


try:
    parse("abc")
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)
try:
    raise IndexError("direct") from KeyError("why")
except IndexError as e:
    print(e, repr(e.__cause__))
