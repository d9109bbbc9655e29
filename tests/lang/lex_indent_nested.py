# Nested blocks close several levels at once (one DEDENT per level).
def classify(n):
    if n > 0:
        if n > 10:
            if n > 100:
                return "huge"
            return "big"
        return "small"
    return "not positive"


for n in [0, 5, 50, 500]:
    print(n, classify(n))

total = 0
for i in range(3):
    for j in range(3):
        if (i + j) % 2 == 0:
            total += i * j
print("total", total)
