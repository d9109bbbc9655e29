# What counts as false: zero, empty, None, False.
values = [0, 0.0, -0.0, "", [], (), {}, set(), range(0), None, False,
          1, -1, 0.5, "0", " ", [0], (None,), {0: 0}, {0}, range(1), True]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
if not []:
    print("empty list is false")
while "":
    print("never")
print(not None, not 0, not "x")
