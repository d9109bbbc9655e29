# import time: the clocks move forward and return floats.
import time

start = time.perf_counter()
total = sum(range(1000))
end = time.perf_counter()
print(total, end - start >= 0, type(start).__name__)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1, type(m1).__name__)
now = time.time()
print(now > 1700000000, type(now).__name__)
