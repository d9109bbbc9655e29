# isinstance checks a value against a type or a tuple of types.
print(isinstance(1, int), isinstance(1.0, int), isinstance(1.0, float), isinstance("s", str))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set))
print(isinstance(1, (str, int)), isinstance(1.5, (str, int)), isinstance(None, (list, type(None))))
print(isinstance(range(3), range), isinstance(ValueError(), Exception))
print(isinstance(KeyError(), Exception), isinstance(KeyboardInterrupt(), Exception))
for value in [1, "a", [1], None, 2.0]:
    kind = "number" if isinstance(value, (int, float)) else "other"
    print(repr(value), kind)
