# sys.stdout.write returns the number of characters written
import sys
n = sys.stdout.write("hello\n")
print(n, sys.stdout.write("héllo ✓\n"), sys.stderr.write(""))
sys.stdout.write("no newline")
sys.stdout.write("\n")
sys.stdout.flush()
print(repr(sys.stdout), repr(sys.stderr))
print("to stderr", file=sys.stderr)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)
