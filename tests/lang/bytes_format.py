# bytes in f-strings, format(), %, print, and random.seed from bytes
import random
b = b'data\n'
print(b)
print(f'{b}', f'{b!r}', f'{b!s}', f'{b!a}', '{}'.format(b), '{!r}'.format(b), '%s' % (b,), '%r' % (b,))
print(format(b), format(b, ''), str(b), repr(b))
for bad in (lambda: f'{b:>10}', lambda: format(b, 's'), lambda: '{:x}'.format(b'1')):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
print(f'{len(b)=}', f'{b[0]:08b}', f'{int.from_bytes(b"ab", "big"):x}')
random.seed(b'seed bytes')
first = [random.randint(1, 100) for _ in range(5)]
random.seed(b'seed bytes')
print(first, first == [random.randint(1, 100) for _ in range(5)])
random.seed(b'')
print(random.random())
r = random.Random(b'\x00\xff')
print(r.random(), r.choice(b'xyz'))
