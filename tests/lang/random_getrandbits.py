# getrandbits for small, word-sized and huge bit counts
import random

random.seed(2024)
for k in [0, 1, 2, 7, 31, 32, 33, 63, 64, 65, 100, 128, 200, 1000]:
    value = random.getrandbits(k)
    print(k, value, value.bit_length() <= k)
