# Conditional expressions evaluate only the branch they choose.
def loud(value):
    print("evaluated", value)
    return value


x = 5
print("big" if x > 3 else "small")
print(loud("yes") if x else loud("no"))
print(loud(1) if False else loud(2))
sign = "neg" if x < 0 else "zero" if x == 0 else "pos"
print(sign)
print([("even" if n % 2 == 0 else "odd") for n in range(4)])
y = (lambda: "l")() if x else None
print(y)
