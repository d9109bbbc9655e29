# Deep recursion raises RecursionError, which can be caught; the program goes on.
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__)


def countdown(n):
    return n if n == 0 else countdown(n - 1)


print(countdown(100))
try:
    forever(0)
except RuntimeError as e:
    print("caught as", type(e).__name__, "a RuntimeError subclass")


def mutual_a(n):
    return mutual_b(n)


def mutual_b(n):
    return mutual_a(n)


try:
    mutual_a(1)
except RecursionError:
    print("mutual recursion stopped")
print("still running")
