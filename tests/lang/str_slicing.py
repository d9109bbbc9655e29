# Slices of strings: start, stop, step, negatives, out-of-range bounds.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2])
print(s[5:2], s[100:], s[-100:3], s[3:100], repr(s[5:5]))
print(s[-1:-4:-1], s[2:-2], s[-2:2:-1])
u = "añbç😀d"
print(u[1:4], u[::-1], u[-2:])
print(s[None:3], s[3:None], s[::None])
