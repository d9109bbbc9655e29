# len() of every sized core type.
print(len(""), len("abc"), len("héllo"), len([1, 2]), len((1,)), len({}))
print(len({"a": 1, "b": 2}), len({1, 2, 2}), len(range(10)), len(range(0, 10, 3)))
print(len([[]]), len({"k": []}.keys()), len("\n\t"))
