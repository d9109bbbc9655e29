# Assigning to and deleting slices.
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[:0] = ["front"]
print(a)
a[len(a):] = ["end1", "end2"]
print(a)
a[1:3] = []
print(a)
b = list(range(10))
b[::2] = ["x"] * 5
print(b)
del b[::3]
print(b)
c = [1, 2, 3]
c[:] = "abc"
print(c)
d = [1, 2, 3, 4]
d[1:3] = range(5)
print(d)
try:
    d[::2] = [0]
except ValueError as e:
    print(type(e).__name__, e)
