# time.sleep pauses for at least the given number of seconds.
import time

start = time.monotonic()
time.sleep(0.02)
elapsed = time.monotonic() - start
print(elapsed >= 0.015, elapsed < 5)
p0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - p0 >= 0.005)
time.sleep(0)
print("slept zero seconds")
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
