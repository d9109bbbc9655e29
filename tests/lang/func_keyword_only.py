# Parameters after * or *args can only be passed by keyword.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"


print(connect("example.org"))
print(connect("example.org", port=443, secure=True))
print(connect(secure=True, host="h"))
try:
    connect("h", 443)
except TypeError as e:
    print(type(e).__name__, e)


def required_kw(*, key):
    return key


print(required_kw(key="k"))
try:
    required_kw()
except TypeError as e:
    print(type(e).__name__, e)


def mixed(a, *rest, flag, **extra):
    return a, rest, flag, extra


print(mixed(1, 2, 3, flag=True, more="yes"))
