# assert raises AssertionError when its condition is false.
assert True
assert 1 + 1 == 2, "never shown"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert []
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    x = 3
    assert x % 2 == 0, f"{x} is odd"
except AssertionError as e:
    print(e)
print("after asserts")
