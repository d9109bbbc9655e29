# Reading slices of lists.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7])
print(a[::3], a[1::2], a[::-1], a[8:1:-3], a[-1:-4:-1])
print(a[5:2], a[20:], a[-20:2], a[2:20])
s = a[:]
s[0] = 99
print(a[0], s[0])
print((0, 1, 2, 3)[1:3], (0, 1, 2)[::-1])
