# edge cases of bytes: huge sizes, odd arguments, error handlers looked up only on error
for f in (lambda: b'ab' * 2**62, lambda: bytes(10**20), lambda: b'abc'[10**30], lambda: b'x'.hex(1), lambda: b'x'.hex('::'),
          lambda: b'abc'.decode(errors='bogus'), lambda: b'\xff'.decode(errors='bogus'), lambda: bytes.fromhex(5),
          lambda: b'abc'.split(b'b', maxsplit=0), lambda: b'ab'.strip(b'a', b'b'), lambda: b'x'.upper(1),
          lambda: int.from_bytes(b'\x01', 'big', True), lambda: (5).to_bytes(1, 'big', True), lambda: b'a'.join(b'bc'),
          lambda: sorted({b'b': 1, b'a': 2}), lambda: b'abc'[::-1], lambda: b'a\x00b'.split(b'\x00'),
          lambda: bytes([True, False]), lambda: b' a '.split(b' '), lambda: 'x'.encode('utf-8', errors='bogus')):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
