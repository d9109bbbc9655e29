# Chained comparisons evaluate each middle operand once.
def val(n):
    print("eval", n)
    return n


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
print(val(1) < val(2) < val(3))
print(val(5) < val(1) < val(9))
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 != 4, 1 < x <= 5 < 6)
print("a" < "b" < "c", [1] < [2] < [3])
print(1 < 2 == 2 in [2] is not None)
