# str() of every core type.
print(str(1), str(-1.5), str(True), str(None), str(10 ** 20))
print(str([1, "a", None]), str((1,)), str(()), str({"a": [1]}), str(set()))
print(str("already"), str(""), str(range(3)), str({1}))
print(str([[], [[]]]), str({}), str([1.0, -0.0]))
print(repr([1, "a"]) == str([1, "a"]))
