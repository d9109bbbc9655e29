# center, ljust, rjust and zfill.
print("[" + "hi".center(6) + "]", "[" + "hi".center(7, "*") + "]")
print("[" + "hi".ljust(5) + "]", "[" + "hi".rjust(5, ".") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "long".zfill(2))
print("[" + "toolong".center(3) + "]")
