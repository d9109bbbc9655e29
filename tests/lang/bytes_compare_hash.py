# comparisons, ordering and hashing of bytes
pairs = [(b'', b''), (b'a', b'b'), (b'ab', b'a'), (b'a', b'ab'), (b'\xff', b'\x00'), (b'abc', b'abc'), (b'Z', b'a')]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
print(sorted([b'pear', b'apple', b'\xff', b'', b'Apple', b'apple\x00']))
print(max(b'abc', b'abd'), min([b'z', b'y']))
print(b'a' == 'a', b'a' != 'a', b'1' == 1, b'' == None, b'' == (), [b'x'] == [b'x'], (b'x', 1) == (b'x', 1))
for bad in (lambda: b'a' < 'a', lambda: b'a' <= 1, lambda: 'a' > b'a', lambda: b'a' >= [1]):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
print(hash(b'abc') == hash(b'abc'), hash(b'abc') == hash(b'ab' + b'c'), hash(b'') == hash(bytes()))
print(hash(b'abc') == hash('abc'))
d = {b'one': 1, b'two': 2}
d[b'o' + b'ne'] = 11
d['one'] = 'str key'
print(d, d[b'two'], b'one' in d, b'three' in d, d.get(b'three'))
s = {b'x', b'y', b'x', bytes([120])}
print(len(s), b'x' in s, sorted(s))
print(frozenset([b'a']) == frozenset([b'a']), {(b'k', 1): 'tuple key'}[(b'k', 1)])
counts = {}
for word in b'the cat the dog the end'.split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(bool(b''), bool(b'\x00'), not b'', b'' or b'default')
