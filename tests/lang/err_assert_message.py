# A failing assert with a message, uncaught.
x = 3
assert x > 0, "x must be positive"
assert x % 2 == 0, f"x must be even, got {x}"
