# sorted returns a new list, with optional key and reverse.
data = [5, 3, 8, 1]
print(sorted(data), data)
print(sorted(data, reverse=True), sorted("banana"), sorted((3, 1, 2)))
print(sorted({"b": 1, "a": 2}), sorted({3, 1, 2}))
words = ["Banana", "apple", "Cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted([]), sorted([2.5, 1, -3, 0.0]))
