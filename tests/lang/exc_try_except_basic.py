# try/except catches an exception by type and binds it with `as`.
try:
    1 / 0
except ZeroDivisionError:
    print("caught without a name")
try:
    int("nope")
except ValueError as err:
    print("caught:", err)
try:
    [][0]
except KeyError:
    print("wrong handler")
except IndexError as e:
    print("second handler:", e)
try:
    print("no exception")
except Exception:
    print("never")
def risky(n):
    if n > 2:
        raise ValueError(f"too big: {n}")
    return n
for n in range(5):
    try:
        print(risky(n))
    except ValueError as e:
        print("error", e)
try:
    try:
        {}["k"]
    except IndexError:
        print("inner handler does not match")
except KeyError as e:
    print("outer handler:", e)
