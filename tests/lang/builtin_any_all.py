# any and all, short-circuiting over an iterable.
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
print(any([0, 0, 1]), all([1, 1, 0]), any("a"), all(""))
def check(n):
    print("  checking", n)
    return n > 1
print(any(check(n) for n in [0, 2, 5]))
print(all(check(n) for n in [3, 0, 5]))
print(all(x % 2 == 0 for x in range(0, 10, 2)), any(x > 100 for x in range(10)))
