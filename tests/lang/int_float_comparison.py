# Comparing ints and floats compares exact values, even past 2**53.
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 <= -1.0)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 < float("inf"), -10 ** 400 > float("-inf"))
print(10 ** 400 > 1e308, 10 ** 20 == 1e20, 10 ** 23 == 1e23)
print(float("nan") == 0, 0 < float("nan"), float("nan") != 1)
print(0 == -0.0, 0 == 0.0, True == 1.0, False == 0.0)
print(max(1, 2.5, 2), min(3, 2.0), sorted([3, 1.5, 2, 0.5]))
print(1 != 1.0, 3 >= 3.0, [1, 2] == [1.0, 2.0])
