# bytes literals and their reprs, as a table
table = [
    b'', b'abc', b"abc", b'\x00\xff', b"it's", b'say "hi"', b'both \' and "',
    b'\n\t\\', b'\r\x0b\x0c', b'\x7f\x80', b'\a\b', rb'\n raw', br'\d+',
    b'abc' b'def', b'''triple
quoted''', b'\101\102\7', b'\'', b"\"", b'\\x41', b' ~', b'\x1f\x20',
    bytes(range(0, 16)), bytes(range(16, 32)), bytes(range(32, 128)), bytes(range(128, 256)),
]
for i, b in enumerate(table):
    print(i, repr(b), str(b) == repr(b), len(b))
x = b'const'
y = b'const'
print(x == y, type(x), type(b''), bytes)
print([b'a', (b'b', b'c')], {b'k': b'v'}, (b'',))
print(repr(repr(b"'\"")))
print(ascii(b'\xff'), str(b'\xe9'))
