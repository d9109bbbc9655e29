# Functions know their own name.
def outer():
    def inner():
        pass
    return inner


print(outer.__name__, outer().__name__, (lambda: 0).__name__)
g = outer
print(g.__name__)
print(type(outer).__name__, type(len).__name__ == type(print).__name__)
