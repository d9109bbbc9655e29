# Closures see a variable's current value, not its value when they were made.
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
fixed = []
for i in range(3):
    fixed.append(lambda i=i: i)
print([f() for f in fixed])


def outer():
    x = "before"

    def show():
        return x

    x = "after"
    return show


print(outer()())


def make(n):
    return lambda: n


print([make(k)() for k in range(3)])
