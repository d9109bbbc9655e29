# A small program: the sieve of Eratosthenes.
def primes_below(limit):
    is_prime = [True] * limit
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit, n):
                is_prime[multiple] = False
    return [n for n, flag in enumerate(is_prime) if flag]


primes = primes_below(100)
print(primes)
print(len(primes_below(10000)), sum(primes_below(1000)))
