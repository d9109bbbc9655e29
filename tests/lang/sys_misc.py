# argv, modules, the recursion limit
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_misc.py"))
print("sys" in sys.modules)
import math
print("math" in sys.modules, sys.modules["math"] is math)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
for bad in [0, -5, 1.5]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
