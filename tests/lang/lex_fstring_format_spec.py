# Simple format specs: alignment, width, precision, conversions.
x = 42
pi = 3.14159
s = "ab"
print(f"[{x:>5}] [{x:<5}] [{x:^5}]")
print(f"[{s:>4}] [{s:<4}] [{s:^6}]")
print(f"[{pi:.2f}] [{pi:.0f}] [{pi:.3f}] [{2.5:.1f}]")
print(f"[{pi:8.2f}] [{x:5}] [{s:5}]")
print(f"[{x!r}] [{s!r}] [{s!s}]")
print(f"[{'q'!r:>6}]")
print(f"[{-7:>4}] [{1.0:.2f}] [{-0.5:.1f}]")
