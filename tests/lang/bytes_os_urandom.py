# os.urandom: the bytes are random, so only facts about them are printed
import os
r = os.urandom(32)
print(type(r).__name__, isinstance(r, bytes), len(r), all(0 <= c <= 255 for c in r))
print(os.urandom(0), len(os.urandom(1)), len(os.urandom(1000)), len(os.urandom(True)))
print(len({os.urandom(16) for _ in range(20)}))
n = int.from_bytes(os.urandom(8), 'big')
print(0 <= n < 2**64)
for bad in (-1, -10**30, 2.0, '4', None):
    try:
        os.urandom(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(callable(os.urandom), os.getpid() > 0)
