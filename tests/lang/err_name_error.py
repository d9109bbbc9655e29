# Uncaught NameError.
print("start")
print(qqq_not_defined_anywhere)
