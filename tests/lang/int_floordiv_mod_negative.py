# Floor division rounds toward negative infinity; the remainder takes the divisor's sign.
for a in [7, -7]:
    for b in [2, -2]:
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
print(-10 // 5, -10 % 5, 10 // -5, 10 % -5)
print(-(7 // 2), (-7) // 2, -7 // 2)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(-0.0 // 1, 5 % 2.5, -1 % 3.0)
