# product, permutations, combinations, combinations_with_replacement
from itertools import combinations, combinations_with_replacement, permutations, product
print(list(product("ab", range(2))), list(product([0, 1], repeat=3)), list(product()), list(product("ab", [])))
print(len(list(product(range(3), repeat=4))), list(product("xy", "12", repeat=1)))
print(list(permutations("abc")), list(permutations(range(4), 2)), list(permutations([], 0)), list(permutations("ab", 3)))
print(list(permutations([1, 2, 3], r=1)), len(list(permutations(range(6)))))
print(list(combinations("abcd", 2)), list(combinations(range(5), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)))
print(["".join(p) for p in permutations("dog")], [a + b for a, b in combinations("wxyz", 2)])
for bad in [lambda: combinations([1], -1), lambda: permutations([1], -2), lambda: product([1], repeat=-1), lambda: combinations([1])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
