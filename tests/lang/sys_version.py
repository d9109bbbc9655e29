# version_info compares as a tuple and shows as CPython's
import sys
print(sys.version_info >= (3, 8), sys.version_info < (4,), sys.version_info[:2], sys.version_info.major, sys.version_info[0], len(sys.version_info))
major, minor, *rest = sys.version_info
print(major, minor, rest, sys.version_info.minor, sys.version_info.releaselevel)
print(sys.version_info[0:2] == (3, 11), tuple(sys.version_info)[:2], list(sys.version_info)[3:])
print(sys.version.startswith("3.11"), sys.maxsize, sys.maxsize == 2**63 - 1, sys.platform in ("linux", "darwin"))
if sys.version_info < (3, 10):
    print("old python")
else:
    print("new enough")
