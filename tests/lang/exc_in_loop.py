# Handling errors item by item inside a loop.
raw = ["1", "two", "3", "", "5"]
total = 0
bad = []
for item in raw:
    try:
        total += int(item)
    except ValueError:
        bad.append(item)
        continue
    print("added", item)
print(total, bad)
i = 0
while True:
    try:
        [10, 20, 30][i]
    except IndexError:
        print("stopped at", i)
        break
    i += 1
