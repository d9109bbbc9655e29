# In-place sort: natural order, key, reverse, stability.
a = [5, 2, 8, 1, 9, 3]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "fig"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort()
print(pairs)
floats = [2.5, -1, 3, 0.5]
floats.sort()
print(floats)
print(a.sort())
big = [(i * 7919) % 1000 for i in range(1000)]
big.sort()
print(big[:5], big[-5:])
