class Temp:
    def __init__(self, degrees):
        self.degrees = degrees

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.degrees * 9 / 5 + 32, spec[:-1]) + "F"
        return format(self.degrees, spec) + "C"

    def __str__(self):
        return f"{self.degrees} degrees"

    def __repr__(self):
        return f"Temp({self.degrees})"


t = Temp(21.5)
print(f"{t}", f"{t:.1f}", f"{t:.0F}", format(t, ">8"), str(t), repr(t))
print(f"{t!r} {t!s}", "{} {!r} {:.2f}".format(t, t, t))
print([t], {"t": t}, (t,), str([t]))
print("%s and %r" % (t, t))


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}", format(OnlyRepr(), ""))
try:
    format(OnlyRepr(), "10")
except TypeError as e:
    print(e)


class BadStr:
    def __str__(self):
        return 42


try:
    str(BadStr())
except TypeError as e:
    print(e)
