# A failing assert without a message, uncaught.
assert 1 == 1
assert 1 == 2
