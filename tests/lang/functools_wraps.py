# wraps copies the wrapped function's name, docstring and more
import functools
def trace(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        print("calling", f.__name__, args)
        return f(*args, **kwargs)
    return wrapper
@trace
def greet(name):
    """Say hello."""
    return "hi " + name
print(greet("bob"))
print(greet.__name__, greet.__doc__, greet.__qualname__, greet.__wrapped__("x"), greet.__module__)
def plain(f):
    def wrapper():
        return f()
    return wrapper
@plain
def g():
    "g doc"
print(g.__name__, g.__doc__)
def with_attr():
    pass
with_attr.tag = "important"
wrapped = functools.update_wrapper(lambda: None, with_attr)
print(wrapped.__name__, wrapped.tag, wrapped.__wrapped__ is with_attr)
def repeat(times):
    def decorate(f):
        @functools.wraps(f)
        def wrapper(*a):
            return [f(*a) for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def hello(n):
    return "hello " + n
print(hello("ann"), hello.__name__)
