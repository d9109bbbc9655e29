# Exception objects: args, str and repr.
e = ValueError("boom")
print(e, repr(e), e.args)
e2 = ValueError("code", 42)
print(e2, repr(e2), e2.args)
e3 = RuntimeError()
print(repr(str(e3)), repr(e3), e3.args)
e4 = KeyError("key")
print(e4, repr(e4))
e5 = Exception([1, 2])
print(e5, e5.args[0][1])
print(type(e).__name__, isinstance(e, ValueError), isinstance(e, Exception))
try:
    raise TypeError("message", "second")
except TypeError as caught:
    print(caught.args)
