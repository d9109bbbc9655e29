# str.encode and bytes.decode with utf-8, ascii and latin-1
texts = ['', 'plain', 'héllo', 'naïve café', '€uro', '日本語', 'emoji 😀!', 'mix é€😀']
for t in texts:
    e = t.encode()
    print(repr(t), e, len(e), e.decode() == t, t.encode('utf-8') == e, str(e, 'utf-8') == t)
print('abc'.encode('ascii'), 'abc'.encode(encoding='ASCII'), 'é'.encode('latin-1'), 'é'.encode('Latin1'), 'x'.encode('UTF_8'))
for t, enc, err in [('héllo', 'ascii', 'strict'), ('h€llo', 'latin-1', 'strict'), ('ab€€€cd', 'ascii', 'strict'),
                    ('😀', 'ascii', 'strict'), ('aé', 'ascii', 'ignore'), ('aé€', 'ascii', 'replace'),
                    ('a€b', 'latin-1', 'replace'), ('x', 'rot13x', 'strict'), ('x', 'ascii', 'nope'),
                    ('é\u20ac', 'latin-1', 'strict'), ('aaé', 'ascii', 'strict')]:
    try:
        print(t.encode(enc, err))
    except Exception as e:
        print(type(e).__name__, e)
for data, enc, err in [(b'\xff', 'utf-8', 'strict'), (b'abc\xe9', 'ascii', 'strict'), (b'\xe4\xb8', 'utf-8', 'strict'),
                       (b'\xe4\x41', 'utf-8', 'strict'), (b'\xf0\x9f\x98A', 'utf-8', 'strict'),
                       (b'\xed\xa0\x80', 'utf-8', 'strict'), (b'\xc0\x80', 'utf-8', 'strict'),
                       (b'\xf5\x80', 'utf-8', 'strict'), (b'ok\x80', 'utf-8', 'strict'),
                       (b'\xf4\x90\x80\x80', 'utf-8', 'strict'), (b'\xe0\x80\x80', 'utf-8', 'strict'),
                       (b'a\xffb\xe4\xb8', 'utf-8', 'replace'), (b'a\xffb\xe4\xb8', 'utf-8', 'ignore'),
                       (b'\xe9t\xe9', 'latin-1', 'strict'), (b'caf\xc3\xa9', 'utf-8', 'strict'),
                       (b'\x80', 'ascii', 'replace'), (b'x', 'nope', 'strict'), (b'\xf0\x9f\x98\x80', 'utf-8', 'strict')]:
    try:
        print(repr(data.decode(enc, err)))
    except Exception as e:
        print(type(e).__name__, e)
print(b'abc'.decode(), b'abc'.decode(encoding='ascii'), b'\xc3\xa9'.decode(errors='strict'))
try:
    'x'.encode(5)
except TypeError as e:
    print('TypeError', e)
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    'é'.encode('ascii')
except UnicodeError as e:
    print(type(e).__name__)
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'abc', encoding='ascii'), str(b'a\xff', 'utf-8', 'replace'))
