# errors from format specs and str.format, worded as CPython's
tests = [
    lambda: format(1, "s"), lambda: format("a", "d"), lambda: format(1.5, "d"), lambda: format(1, ".2d"),
    lambda: format("x", "+"), lambda: format("x", "="), lambda: format(1, ",x"), lambda: format(1, "_c"),
    lambda: format(1, "z"), lambda: format(1, "$"), lambda: format(1, "10.1.1"),
    lambda: "{0} {2}".format(1, 2), lambda: "{}".format(), lambda: "{a}".format(b=1), lambda: "{0!x}".format(1),
    lambda: "{".format(), lambda: "}".format(), lambda: "{0:{1}}".format(1), lambda: "{} {0}".format(1, 2),
    lambda: format(-1, "c"), lambda: format(0x110000, "c"), lambda: format(3, ".5c"), lambda: "%d" % "x",
    lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%z" % 1, lambda: "%(a)s" % 1, lambda: "%c" % "ab",
    lambda: "%d" % None, lambda: "%x" % 1.5, lambda: "%.2f" % "s", lambda: "%(a)s %s" % {"a": 1},
]
for i, test in enumerate(tests):
    try:
        print(i, repr(test()))
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
