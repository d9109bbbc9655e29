# bytes(...) in every form, and its errors
print(bytes(), bytes(0), bytes(4), bytes(True))
print(bytes([0, 1, 127, 128, 255]), bytes((65, 66)), bytes(range(97, 100)), bytes(b'same'))
print(bytes(x for x in [104, 105]), bytes({}), bytes([]), bytes(iter([1, 2])))
print(bytes('héllo', 'utf-8'), bytes('abc', 'ascii'), bytes('abc', encoding='utf8'))
print(bytes('é', 'latin-1'), bytes('x€y', 'ascii', 'ignore'), bytes('x€y', 'ascii', 'replace'))
print(bytes(source=[1]), bytes(b'') is not None)
cases = [
    lambda: bytes(-1),
    lambda: bytes([256]),
    lambda: bytes([-1]),
    lambda: bytes([1, 2, 300]),
    lambda: bytes(['a']),
    lambda: bytes([1.5]),
    lambda: bytes('abc'),
    lambda: bytes('abc', 'nope'),
    lambda: bytes('abc', 'utf-8', 'weird'),
    lambda: bytes(1.5),
    lambda: bytes(None),
    lambda: bytes(5, 'utf-8'),
    lambda: bytes([1], errors='strict'),
    lambda: bytes(encoding='utf-8'),
    lambda: bytes('é', 'ascii'),
    lambda: bytes('abc', 5),
    lambda: bytes(1, 2, 3, 4),
    lambda: bytes([2**70]),
]
for case in cases:
    try:
        print(case())
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(b'', bytes), isinstance('', bytes), issubclass(bytes, object), bytes.__name__)
print(type(b'x').__name__, type(bytes()) is bytes, callable(bytes))
