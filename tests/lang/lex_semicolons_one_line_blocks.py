# Semicolons separate simple statements; a block may sit on its header's line.
a = 1; b = 2; c = a + b
print(a, b, c)
if c == 3: print("three"); print("still the if")
for i in range(3): print(i, end=" ")
print()
while a < 4: a += 1
print(a)
def f(x): return x * 2
print(f(21))
if False: print("never")
else: print("else on one line")
x = 5;
print(x)
