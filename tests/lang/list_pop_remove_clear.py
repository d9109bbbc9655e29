# Shrinking lists: pop, remove, clear, del.
a = [10, 20, 30, 40, 50, 20]
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-2), a)
a.remove(20)
print(a)
a.clear()
print(a, len(a))
b = list(range(8))
del b[0]
del b[-1]
del b[1:3]
print(b)
