# int.from_bytes and int.to_bytes
for data in (b'', b'\x00', b'\x01', b'\xff', b'\x01\x00', b'\x00\x01', b'\x80\x00', b'\xff' * 9, b'\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11'):
    print(data, int.from_bytes(data, 'big'), int.from_bytes(data, 'little'),
          int.from_bytes(data, 'big', signed=True), int.from_bytes(data, byteorder='little', signed=True))
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'\x01\x02'), int.from_bytes(bytes(20), 'little'))
for n, length, order, signed in [(0, 1, 'big', False), (1, 2, 'big', False), (1, 2, 'little', False),
                                 (255, 1, 'big', False), (-1, 1, 'big', True), (-128, 1, 'little', True),
                                 (127, 1, 'big', True), (2**64, 9, 'big', False), (-2**64, 9, 'little', True),
                                 (0, 0, 'big', False), (1024, 4, 'little', True), (True, 1, 'big', False),
                                 (2**100 - 1, 13, 'big', False)]:
    out = n.to_bytes(length, order, signed=signed)
    print(n, out, int.from_bytes(out, order, signed=signed) == n)
print((65).to_bytes(), (258).to_bytes(2), (258).to_bytes(length=2, byteorder='little'))
cases = [
    lambda: (256).to_bytes(1, 'big'),
    lambda: (-1).to_bytes(1, 'big'),
    lambda: (128).to_bytes(1, 'big', signed=True),
    lambda: (-129).to_bytes(1, 'big', signed=True),
    lambda: (1).to_bytes(0, 'big'),
    lambda: (1).to_bytes(-1, 'big'),
    lambda: (1).to_bytes(1, 'middle'),
    lambda: int.from_bytes(b'\x01', 'middle'),
    lambda: int.from_bytes('abc', 'big'),
    lambda: int.from_bytes([256], 'big'),
    lambda: int.from_bytes(5, 'big'),
    lambda: (2**64).to_bytes(8, 'big'),
]
for case in cases:
    try:
        print(case())
    except Exception as e:
        print(type(e).__name__, e)
