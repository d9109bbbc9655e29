# Every integer literal form.
print(0, 7, 42, 1_000_000)
print(0x1F, 0XfF, 0x_dead_beef)
print(0o17, 0O777, 0o_1)
print(0b1010, 0B11, 0b_1111_0000)
print(00, 0_0)
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFF)
print(-0b1, -0o10, -0x10)
