# bytes methods
b = b'hello world, hello bytes'
print(b.count(b'hello'), b.count(b'l'), b.count(108), b.count(b''), b.count(b'l', 5), b.count(b'l', 5, 10))
print(b.find(b'world'), b.find(b'xyz'), b.find(111), b.find(b'hello', 1), b.find(b'', 3), b.find(b'o', -5))
print(b.index(b'bytes'), b.index(44))
for bad in (lambda: b.index(b'zzz'), lambda: b.find('str'), lambda: b.count(300), lambda: b.find(1.0)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b.startswith(b'hello'), b.startswith(b'world', 6), b.startswith((b'x', b'he')), b.endswith(b'bytes'))
print(b.endswith(b'hello', 0, 5), b.startswith(b''), b.endswith((b'a', b'b')))
for bad in (lambda: b.startswith('hello'), lambda: b.endswith(['x']), lambda: b.startswith((b'a', 'b'))):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b.split(), b.split(b', '), b.split(b'l'), b.split(b'l', 2), b'  a  b \t c\n'.split(), b''.split())
print(b'a b c d'.split(maxsplit=2), b'a,b,'.split(b','), b''.split(b','), b'  x  y  '.split(None, 1))
try:
    b.split(b'')
except ValueError as e:
    print('ValueError', e)
print(b', '.join([b'a', b'b', b'c']), b''.join([]), b'-'.join(x for x in [b'1', b'2']), b'x'.join([b'only']))
try:
    b'-'.join([b'a', 'b'])
except TypeError as e:
    print('TypeError', e)
print(b.upper(), b'MiXeD \xff'.lower(), b'\xe9abc'.upper())
print(b'  pad \n'.strip(), b'  pad '.lstrip(), b'  pad '.rstrip(), b'xxhixx'.strip(b'x'), b'abcba'.strip(b'ab'))
print(b''.strip(), b'   '.strip(), b'a'.strip(None))
print(b'\x00\x01\xab\xff'.hex(), b''.hex(), b'abc'.hex(':'), b'abcdef'.hex(' ', 2), b'abcde'.hex('-', 2), b'abcde'.hex('-', -2))
print(bytes.fromhex('00 01 ab FF'), bytes.fromhex(''), bytes.fromhex(' 41 42\n43 '), bytes.fromhex('deadbeef').hex())
for bad in ('0', 'zz', '0g', '1 2', 'abc'):
    try:
        print(bytes.fromhex(bad))
    except ValueError as e:
        print('ValueError', e)
