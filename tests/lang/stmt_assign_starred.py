# Starred targets collect the rest into a list.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *middle, z = range(6)
print(a, middle, z)
x, *empty, y = (1, 2)
print(x, empty, y)
*everything, = (7, 8)
print(everything)
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
[*s] = {"k": 1}
print(s)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
