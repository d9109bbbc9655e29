# while loops, with else clauses that run only when the loop ends without break.
n = 0
while n < 5:
    n += 1
print(n)
i = 0
while i < 3:
    i += 1
else:
    print("else ran, i =", i)
i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print("never")
print("broke at", i)


def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            print("found at", i)
            break
        i += 1
    else:
        print("not found")


find([1, 2, 3], 2)
find([1, 2, 3], 9)
while False:
    print("never")
else:
    print("else after zero iterations")
