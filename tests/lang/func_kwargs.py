# **kwargs collects extra keyword arguments into a dict, in call order.
def show(**options):
    print(type(options).__name__, options)


show()
show(b=2, a=1, c=3)


def tag(name, *children, **attributes):
    attrs = "".join(f" {k}={v!r}" for k, v in attributes.items())
    return f"<{name}{attrs}>{''.join(children)}</{name}>"


print(tag("p", "hello", " world", id="intro", hidden=True))
print(tag("br"))


def passthrough(*args, **kwargs):
    return args, kwargs


print(passthrough(1, 2, x=3))
