# The basics of str.format.
print("{} and {}".format("spam", "eggs"))
print("{1} before {0}, then {1} again".format("a", "b"))
print("{name} is {age}".format(name="Ada", age=36))
print("{0}{1}{0}".format("ab", "cd"))
print("{} {}".format(1.5, [1, 2]))
print("{{literal}} {}".format("value"))
print("[{:>6}] [{:<6}] [{:^6}] [{:.3f}]".format("r", "l", "c", 2 / 3))
print("{!r} {!s}".format("text", "text"))
