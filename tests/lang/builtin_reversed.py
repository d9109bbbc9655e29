# reversed iterates a sequence backwards.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
print(list(reversed(range(5))), list(reversed(range(0, 10, 3))), list(reversed([])))
for x in reversed(["first", "last"]):
    print(x)
print("".join(reversed("racecar")) == "racecar")
print(list(reversed({"a": 1, "b": 2})))
