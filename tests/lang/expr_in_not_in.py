# Membership tests across the core containers.
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], [2]])
print("ell" in "hello", "" in "", "x" in "hello", "lo" not in "hello")
print("k" in {"k": 1}, 1 in {"k": 1}, 1 in {1: "k"}.values())
print(2 in {1, 2}, 2.0 in {1, 2}, (1, 2) in [(1, 2)], 2 in (1, 2))
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(None in [None], None in [], 1.0 in [1], True in [1])
it = iter([1, 2, 3, 4])
print(2 in it, next(it))
