# Raising a built-in exception with no message: the last line is just its name.
print("about to fail")
raise NotImplementedError
