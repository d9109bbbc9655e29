# Tuples pack and unpack: multiple return values, swapping.
def min_max(values):
    return min(values), max(values)


lo, hi = min_max([4, 8, 1, 9])
print(lo, hi)
result = min_max([2, 3])
print(result, type(result).__name__)
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(z, y, x)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
