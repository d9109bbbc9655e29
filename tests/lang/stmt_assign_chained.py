# Chained assignment binds every target to the same object, left to right.
a = b = c = 0
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
d = {}
d["k"] = d2 = {"inner": 1}
print(d, d2)
i = lst = None
lst = [0, 0, 0]
i = lst[i] = 1
print(i, lst)
