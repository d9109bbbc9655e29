# None: the single "no value" value.
def nothing():
    pass


def bare_return():
    return


print(nothing(), bare_return(), None)
print(nothing() is None, None is None, None == None, None != 0)
print(repr(None), str(None), type(None).__name__, bool(None))
x = None
if x is None:
    print("x is None")
if x is not None:
    print("never")
print([None, None], {None: "none key"}[None])
print(None == False, None == 0, None == "")
