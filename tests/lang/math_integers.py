# gcd, lcm, factorial, comb, perm, isqrt, on small and big ints
import math
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(-12, 8), math.gcd(), math.gcd(7), math.gcd(12, 18, 27), math.gcd(2**200, 6**80))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6))
print([math.factorial(n) for n in range(8)], math.factorial(25), len(str(math.factorial(500))))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(52, 5), math.comb(100, 50))
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(3, 4), math.perm(20, 10))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**50), math.isqrt(2**127 - 1), math.isqrt(True))
print(math.prod([1, 2, 3, 4, 5]), math.prod([]), math.prod(range(1, 21)), math.prod([2, 0.5, 3]), math.prod([2, 3], start=10))
print(math.prod(["ab", 3]) if False else math.prod([3, "ab"]))
