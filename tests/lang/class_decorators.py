def logged(func):
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__} with {len(args)} args {kwargs}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result
    return wrapper


def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        wrapper.__name__ = func.__name__
        return wrapper
    return decorate


@logged
def add(a, b=2):
    return a + b


@repeat(3)
def shout(word):
    return word.upper()


print(add(1))
print(add(1, b=5))
print(shout("hi"), shout.__name__)


def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls


registry = []


@register
class Plugin:
    pass


@register
class Other(Plugin):
    @logged
    def run(self, n):
        return n * 2


print(registry, Plugin.registered, Other.registered)
print(Other().run(21))


class Memo:
    def __init__(self, func):
        self.func = func
        self.cache = {}

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.func(n)
        return self.cache[n]


@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), len(fib.cache), callable(fib), callable(Memo), callable(3))


def method_decorator(method):
    def wrapped(self, *args):
        return "<" + method(self, *args) + ">"
    return wrapped


class Greeter:
    def __init__(self, name):
        self.name = name

    @method_decorator
    def greet(self, greeting="hello"):
        return f"{greeting}, {self.name}"


print(Greeter("ada").greet(), Greeter("bob").greet("hi"))
