eg = ExceptionGroup("many", [ValueError(1), TypeError("t"), ExceptionGroup("inner", [ValueError(2), KeyError("k")])])
print(repr(eg))
print(str(eg), eg.message, eg.exceptions)
print(type(eg).__name__, isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(KeyError)), eg.subgroup(OSError))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(eg.split((KeyError, TypeError)))
print(eg.subgroup(ExceptionGroup) is eg, eg.subgroup(lambda e: True) is eg)
d = eg.derive([OSError("o")])
print(repr(d), type(d).__name__)
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(repr(bg), type(bg).__name__, isinstance(bg, Exception))
auto = BaseExceptionGroup("auto", [ValueError()])
print(type(auto).__name__)
m, r = bg.split(Exception)
print(repr(m), type(m).__name__, repr(r), type(r).__name__)
for args in [("x",), ("x", []), (1, [ValueError()]), ("x", [1]), ("x", ValueError())]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    eg.split(3)
except TypeError as e:
    print(e)
eg.add_note("a note")
m, r = eg.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
print(eg.exceptions[2].exceptions[1].args)
