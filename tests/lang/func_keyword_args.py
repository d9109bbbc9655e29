# Arguments may be passed by name, in any order.
def describe(name, age, city="nowhere"):
    return f"{name} ({age}) from {city}"


print(describe("Ann", 30))
print(describe(age=40, name="Ben"))
print(describe("Cal", city="Oslo", age=25))
print(sorted([3, 1, 2], reverse=True))
print("a-b".split(sep="-"))
print(int("101", base=2))
