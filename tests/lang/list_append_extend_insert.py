# Growing lists: append, extend, insert, +=.
a = []
for i in range(5):
    a.append(i * i)
print(a)
a.extend([100, 200])
a.extend(range(3))
a.extend("xy")
print(a)
a.insert(0, "head")
a.insert(3, "middle")
a.insert(100, "tail")
a.insert(-1, "before tail")
print(a)
b = a
b += [1]
print(a is b, len(a))
big = []
for i in range(10000):
    big.append(i)
print(len(big), big[-1], sum(big))
