class Errors(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def derive(self, excs):
        return Errors(self.message, excs, self.code)


eg = Errors("batch", [ValueError(1), TypeError(2)], 42)
print(repr(eg), eg.code, type(eg).__name__, isinstance(eg, ExceptionGroup))
match, rest = eg.split(ValueError)
print(type(match).__name__, match.code, repr(match), repr(rest))
try:
    raise eg
except* TypeError as e:
    print("caught", type(e).__name__, e.code, repr(e))
except* ValueError as e:
    print("caught", type(e).__name__, e.exceptions)


class Plain(ExceptionGroup):
    pass


p = Plain("p", [KeyError("k")])
print(repr(p), type(p.subgroup(KeyError)).__name__, type(p.derive([OSError()])).__name__)
