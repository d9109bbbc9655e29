# nested replacement fields, conversions and the = specifier
x, w, p = 3.14159, 10, 3
print(f"[{x:{w}.{p}f}]", f"[{x:<{w}}]", f"[{'hi':{'*'}^{w}}]", "[{:{}.{}f}]".format(x, w, p), "[{0:{1}}]".format("ab", 6))
name, items = "Ada", [1, 2]
print(f"{name!r} {name!s} {name!a} {'héllo'!a} {items!r:>10}")
print(f"{x=}", f"{x = :.2f}", f"{name=!s}", f"{items=}", f"{1 + 2=}", f"{x*2=:>10.1f}")
value = 1234567.891
print(f"{value:,}", f"{value:_.2f}", f"{value:,.0f}", f"{12345678:_x}", f"{255:#06x}", f"{-5:+05d}")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|", f"{7:03}", f"{0.5:.0%}", f"{2/3:.3%}")
print("{0}-{1}-{0}".format("a", "b"), "{name}:{age}".format(name="x", age=3), "{} {}".format(1, 2), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
print("{{literal}} {0:>{1}}".format(4, 3), "{:^7.3}".format("abcdef"), "{!r:^10}".format("q"))
width = 12
for label, amount in [("coffee", 3.5), ("sandwich", 12.25), ("total", 15.75)]:
    print(f"{label:<{width}}{amount:>8.2f}")
print(f"{3:{''}>{4}}", f"{'%'}", f"{{}}", f"{{{x}}}")
