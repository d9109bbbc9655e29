# from time import names.
from time import perf_counter, monotonic
from time import time, sleep

a = perf_counter()
sleep(0)
b = perf_counter()
print(b >= a, monotonic() >= 0, time() > 0)
