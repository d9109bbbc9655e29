# indexing, slicing, iteration, in, + and * on bytes
b = b'abcdef'
print(b[0], b[5], b[-1], b[-6], type(b[0]).__name__, b[True])
print(b[1:3], b[:0], b[::2], b[::-1], b[-2:], b[10:], b[1:5:3], type(b[1:2]).__name__)
for bad in (lambda: b[6], lambda: b[-7], lambda: b['x'], lambda: b[1.0], lambda: b[::0]):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(list(b), [c for c in b'\x00\xff'], tuple(b'hi'), sum(b'\x01\x02\x03'), sorted(b'cab'), set(b'aab') == {97, 98})
it = iter(b'xy')
print(type(it).__name__, next(it), next(it), next(it, 'done'))
print(97 in b, 103 in b, b'cd' in b, b'' in b, b'ce' in b, True in b'\x01', 0 in b'')
for bad in (lambda: 'a' in b, lambda: 256 in b, lambda: -1 in b, lambda: 1.0 in b, lambda: [97] in b):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b + b'gh', b'' + b'', b + b'', b'x' * 3, 3 * b'yz', b * 0, b * -2, b'ab' * True)
x = b'start'
x += b'-more'
x *= 2
print(x, len(x))
for bad in (lambda: b + 'str', lambda: b + 1, lambda: 'str' + b, lambda: b * 1.5, lambda: b * b, lambda: b - b,
            lambda: [1] + b):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    del b[0]
except TypeError as e:
    print('TypeError', e)
try:
    len(5)
except TypeError:
    pass
print(len(b''), len(b'\x00' * 100), b.__len__() if hasattr(b, '__len__') else 6)
a, c = b'xy'
print(a, c, [*b'ok'], list(enumerate(b'ab')), list(zip(b'ab', b'cd')), list(reversed(b'abc')))
