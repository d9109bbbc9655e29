class Stop(BaseException):
    pass


bg = BaseExceptionGroup("mixed", [Stop("s"), ValueError("v")])
print(type(bg).__name__, repr(bg), isinstance(bg, Exception))
try:
    raise bg
except* Stop as e:
    print("stop part", type(e).__name__, repr(e))
except* ValueError as e:
    print("value part", type(e).__name__, repr(e))

try:
    try:
        raise BaseExceptionGroup("only base", [KeyboardInterrupt()])
    except Exception:
        print("not caught by Exception")
except BaseExceptionGroup as e:
    print("caught by BaseExceptionGroup:", repr(e))

try:
    raise Stop("naked")
except* Stop as e:
    print(type(e).__name__, repr(e))
