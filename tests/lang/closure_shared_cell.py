# Two closures made by the same call share the same variable.
def pair():
    value = 0

    def get():
        return value

    def set_(new):
        nonlocal value
        value = new

    return get, set_


get, set_ = pair()
print(get())
set_(42)
print(get())
get2, set2 = pair()
print(get2(), get())


def loop_closures():
    fs = []
    total = 0
    for i in range(3):
        def add(n=i):
            nonlocal total
            total += n
            return total
        fs.append(add)
    return fs


a, b, c = loop_closures()
print(a(), b(), c(), a())
