# zip walks several iterables in step and stops at the shortest.
print(list(zip([1, 2, 3], "abc")))
print(list(zip(range(5), "xy")))
print(list(zip([1, 2], [3, 4], [5, 6])))
print(list(zip()), list(zip([])))
names = ["ann", "bob"]
ages = [30, 40]
for name, age in zip(names, ages):
    print(name, age)
print(dict(zip(names, ages)))
pairs = [(1, "a"), (2, "b")]
nums, letters = zip(*pairs)
print(nums, letters)
