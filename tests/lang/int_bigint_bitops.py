# Bit operations on big and negative integers (two's complement semantics).
a = 2 ** 100 + 0xFF
b = 2 ** 80 - 1
print(a & b, a | b, a ^ b)
print(~a, ~-a, ~0, ~-1)
print(1 << 100, (1 << 100) >> 99, a >> 50, a >> 200)
print(-a >> 3, -1 >> 100, -(2 ** 100) >> 1)
print(-a & 0xFFFF, -a | 1, -a ^ b)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xF0 ^ 0xFF, 5 << 2, 20 >> 2)
print(-8 & 7, -8 | 7, -8 ^ 7)
print(bin(a ^ b)[:20], hex(a & b))
