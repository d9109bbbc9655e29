# A list that contains itself prints as [...] instead of recursing forever.
a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a)
d = {"self": None}
d["self"] = d
print(d)
b = [a, a]
print(b)
