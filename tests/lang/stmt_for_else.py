# for loops over every iterable, and for/else.
for x in [1, 2, 3]:
    print(x, end=" ")
print()
for ch in "hi":
    print(ch, end=" ")
print()
for k in {"a": 1, "b": 2}:
    print(k, end=" ")
print()
for i in range(3):
    pass
print("i after loop:", i)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("else after empty loop")
items = [1, 2, 3]
for x in items:
    if x == 2:
        items.append(99)
        break
print(items)
