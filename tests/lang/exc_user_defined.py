class AppError(Exception):
    """Base of the app's errors."""


class QuotaError(AppError):
    pass


class LimitError(AppError):
    def __init__(self, message, limit):
        super().__init__(message)
        self.limit = limit

    def __str__(self):
        return f"{self.args[0]} (limit {self.limit})"


class CodeError(AppError):
    def __init__(self, code):
        self.code = code


for exc in [QuotaError(), QuotaError("over quota"), QuotaError("a", 2), LimitError("too big", 10), CodeError(7)]:
    print(type(exc).__name__, repr(str(exc)), repr(exc), exc.args)

try:
    raise QuotaError("out of space")
except AppError as e:
    print("caught", type(e).__name__, e, isinstance(e, Exception), isinstance(e, QuotaError))

try:
    raise LimitError("rate", 5)
except QuotaError:
    print("wrong")
except (KeyError, LimitError) as e:
    print("right", e, e.limit)

try:
    raise CodeError
except CodeError as e:
    print("class raised:", e.args)
except TypeError as e:
    print("TypeError:", e)

print(issubclass(QuotaError, Exception), issubclass(QuotaError, BaseException), QuotaError.__mro__)
print(QuotaError.__doc__, AppError.__doc__)


class Shutdown(BaseException):
    pass


try:
    try:
        raise Shutdown("now")
    except Exception:
        print("not here")
except BaseException as e:
    print("base:", repr(e))


class WithDefault(ValueError):
    def __init__(self, value=0):
        super().__init__(f"bad value {value}")
        self.value = value


try:
    int("x")
except ValueError as e:
    print(type(e).__name__)
try:
    raise WithDefault(3)
except ValueError as e:
    print(e, e.value, e.args)
e = WithDefault()
e.extra = 1
print(e.extra, e.__dict__ if hasattr(e, "__dict__") else None)
