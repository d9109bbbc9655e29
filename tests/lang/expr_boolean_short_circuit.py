# and / or stop as soon as the answer is known.
def side(name, value):
    print("called", name)
    return value


print(side("a", False) and side("b", True))
print(side("c", True) and side("d", 0))
print(side("e", True) or side("f", True))
print(side("g", "") or side("h", "fallback"))
print(side("i", 1) and side("j", 2) and side("k", 3))
print(side("l", 0) or side("m", 0) or side("n", None))
print(not side("o", []))
d = {}
print(d and d["missing"])
x = None
print(x is not None and x > 3)
