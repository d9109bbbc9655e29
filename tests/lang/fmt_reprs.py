# repr of built-in values exactly as CPython prints them
values = [
    0.1, 1e-05, 1e-4, 123456789012345678.0, 1e16, 1e15, 1.5e300, -0.0, 0.0, 2.5, 1/3, 2/3, 100.0, 1e22, 1.0e-7,
    float("inf"), float("-inf"), float("nan"), 5e-324, 1.7976931348623157e308, 0.30000000000000004,
    "plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline", "back\\slash", "\x00\x7f\x80", "é ü 日本", "\u200b", "\U0001F600",
    [1, [2, [3, []]]], (1,), (), {"a": [1, {"b": (2,)}]}, {1, 2}, set(), frozenset(), [None, True, False], {(): ""}, [1.0, -0.0, "x"],
    range(3), range(1, 10, 2), slice(1, 2), slice(None),
]
for v in values:
    print(repr(v), str(v) if isinstance(v, (float, str)) else "")
nested = [1]
nested.append(nested)
d = {}
d["self"] = d
print(nested, d, repr(nested))
print(str(1e16), str(1.0), str(-1.5e-10), f"{1e16}", f"{1e-05!r}", "%s" % 1e-05, "%r" % 0.1)
