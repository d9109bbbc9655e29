# Functions are values: stored, passed, returned.
def double(x):
    return x * 2


def square(x):
    return x * x


ops = [double, square, abs]
print([op(-3) for op in ops])
table = {"double": double, "square": square}
print(table["square"](7))


def apply_twice(f, x):
    return f(f(x))


print(apply_twice(double, 5), apply_twice(square, 3))


def compose(f, g):
    def composed(x):
        return f(g(x))
    return composed


print(compose(double, square)(3), compose(square, double)(3))
alias = double
print(alias(21), alias is double, type(double).__name__)
print(list(map(square, range(5))), sorted([-3, 1, -2], key=abs))
