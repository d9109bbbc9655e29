# break and continue affect only the innermost loop.
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j == 2:
            break
        if j == 0:
            continue
        print(i, j)
    if i == 3:
        break
print("done")
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
