# sys.exit(n) raises SystemExit, which can be caught
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("exit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("exit", e.code, e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("exit", repr(e.code))
print("leaving")
sys.exit(4)
print("never")
