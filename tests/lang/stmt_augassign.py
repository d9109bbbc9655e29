# Every augmented assignment operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x /= 8; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 0b0001; print(y)
y ^= 0b1111; print(y)
y <<= 3; print(y)
y >>= 2; print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
a = [1]
b = a
a += [2]
a *= 2
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
d = {"n": 1}
d["n"] += 10
lst = [1, 2, 3]
lst[0] -= 5
lst[-1] *= 3
print(d, lst)
big = 2 ** 62
big += 2 ** 62
print(big)
