# Generator expressions are lazy and can be consumed only once.
def noisy(n):
    print("producing", n)
    return n


gen = (noisy(x) * 10 for x in range(3))
print("created")
print(next(gen))
print(list(gen))
print(list(gen))
print(sum(x * x for x in range(10)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]))
print(", ".join(str(n) for n in range(4)))
squares = (n * n for n in range(5))
print(type(squares).__name__)
for s in squares:
    print(s, end=" ")
print()
print(sorted((x for x in [3, 1, 2]), reverse=True))
print(list(x + y for x in "ab" for y in "12" if y != "2"))
