# del removes names, list items, slices and dict keys.
x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
a = [0, 1, 2, 3, 4, 5]
del a[0]
del a[-1]
print(a)
del a[1:3]
print(a)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
p, q = 1, 2
del p, q
try:
    print(p)
except NameError as e:
    print(type(e).__name__, e)
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)


def local_del():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)


print(local_del())
