# Factorials grow far past 64 bits.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


print(factorial(20))
print(factorial(21))
print(factorial(25))
print(factorial(52))
f100 = factorial(100)
print(f100)
print(len(str(f100)))
print(f100 // factorial(98))
print(factorial(30) % 1000000007)
