# Default parameter values are evaluated once, when def runs.
def greet(name, greeting="Hello", punctuation="!"):
    return greeting + ", " + name + punctuation


print(greet("Ada"))
print(greet("Bob", "Hi"))
print(greet("Cy", punctuation="?"))
print(greet(greeting="Yo", name="Di"))

start = 10


def with_start(x=start):
    return x


start = 20
print(with_start())


def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


print(append_to(1), append_to(2))


def safe_append(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(safe_append(1), safe_append(2))


def power(base, exponent=2, *, modulus=None):
    result = base ** exponent
    return result if modulus is None else result % modulus


print(power(3), power(2, 10), power(2, 10, modulus=1000))
