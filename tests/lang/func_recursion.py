# Recursive and mutually recursive functions.
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


print(factorial(10), factorial(30))
print([fib(i) for i in range(15)])
print(is_even(10), is_odd(7), is_even(7))
print(flatten([1, [2, [3, [4, []]], 5]]))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
