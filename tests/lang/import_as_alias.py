# import X as Y and from X import Y as Z.
import time as t
from time import sleep as nap, perf_counter as clock

before = clock()
nap(0.001)
print(clock() - before > 0, t.monotonic() > 0, nap is t.sleep)
