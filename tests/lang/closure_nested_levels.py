# Closures across three levels of nesting.
def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2


print(level1(1)(10)(100))


def outer():
    x = 1

    def middle():
        def inner():
            nonlocal x
            x += 10
            return x
        return inner()

    middle()
    middle()
    return x


print(outer())


def shadowing():
    v = "outer"

    def inner():
        v = "inner"
        return v

    return inner(), v


print(shadowing())
