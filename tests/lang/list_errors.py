# The exceptions lists raise.
a = [1, 2, 3]
tries = [
    lambda: a[3],
    lambda: a[-4],
    lambda: [].pop(),
    lambda: a.pop(10),
    lambda: a.remove(9),
    lambda: a.index(9),
    lambda: a["0"],
    lambda: a[1.0],
    lambda: a + (4,),
    lambda: a * "x",
]
for attempt in tries:
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)
try:
    a[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
