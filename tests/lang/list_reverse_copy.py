# reverse, copy and slicing copies.
a = [1, 2, 3, 4]
a.reverse()
print(a)
b = a.copy()
c = a[:]
d = list(a)
b.append(5)
print(a, b, c, d, a is c, a == c)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append("shared")
print(nested)
