# the string module's constants and capwords
import string
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace))
print(repr(string.printable), len(string.printable))
print(string.capwords("  hello   world  foo"), string.capwords("a-b-c", "-"), string.capwords("hELLO wORLD"), repr(string.capwords("")))
print("".join(c for c in "Hello, World! 123" if c not in string.punctuation))
print(sum(c in string.digits for c in "a1b2c3"), "7" in string.digits, set("abc") <= set(string.ascii_letters))
