# getattr and hasattr look up attributes by name.
s = "hello"
upper = getattr(s, "upper")
print(upper(), getattr([3, 1, 2], "index")(2))
print(hasattr(s, "upper"), hasattr(s, "nope"), hasattr([], "append"), hasattr({}, "append"))
print(getattr(s, "missing", "default"), getattr([], "pop", None) is not None)
for name in ["append", "keys"]:
    print(name, hasattr([], name), hasattr({}, name))
try:
    getattr(s, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
method_names = ["lower", "title", "strip"]
print([getattr("  MiXed  ", m)() for m in method_names])
