# finally runs when break or continue leaves the try block.
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
n = 0
while True:
    try:
        n += 1
        if n == 2:
            break
    finally:
        print("while finally", n)
print("end", n)
