# %-formatting with a mapping, * widths and flags
data = {"name": "Ada", "age": 36, "score": 97.5}
print("%(name)s is %(age)d, scored %(score).1f%%" % data)
print("%(name)-6s|%(age)05d|%(score)+.2e" % data)
print("%*d|%-*d|%.*f" % (5, 42, 4, 7, 2, 3.14159))
print("%s" % "only", "%s" % ((1, 2),), "%s %r" % ("a", "a"), "%d%%" % 50, "%c%c" % (72, "i"))
print("%5.2s|%-5c|%%|" % ("abc", "z"))
print("%i %u %o %x %X %e %E %f %F %g %G" % (10, 11, 8, 255, 255, 12345.678, 0.00012, 1.5, 2.5, 1e-7, 1e20))
print("%#o %#x %#X %#.3g %#.0e %#5x" % (8, 255, 255, 1.0, 3.0, 1))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5), "%.3d" % 7, "%+.3d" % 7, "%-+6d|" % 7)
print("%s and %s" % ("x", [1, "y"]), "%r" % {"k": (1.0, None)}, "%a" % "é")
print("%d" % 3.99, "%d" % -3.99, "%d" % True, "%x" % True, "%s" % True, "%.1f" % True)
