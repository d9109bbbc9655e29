# Strings cannot be changed in place; methods return new strings.
s = "hello"
try:
    s[0] = "j"
except TypeError as e:
    print(type(e).__name__, e)
t = s.upper()
print(s, t)
s2 = s
s += "!"
print(s, s2)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
