# The built-in exception hierarchy decides which handler catches what.
def catch(exc, *handlers):
    for handler in handlers:
        try:
            raise exc
        except handler:
            return f"{type(exc).__name__} caught by {handler.__name__}"
        except BaseException:
            pass
    return f"{type(exc).__name__} not caught by {[h.__name__ for h in handlers]}"


print(catch(ValueError("v"), Exception))
print(catch(ZeroDivisionError(), Exception))
print(catch(KeyError("k"), Exception))
print(catch(KeyboardInterrupt(), Exception, BaseException))
print(catch(RecursionError(), RuntimeError))
print(catch(NotImplementedError(), RuntimeError))
print(catch(UnboundLocalError(), NameError))
print(catch(StopIteration(), Exception))
print(catch(StopAsyncIteration(), Exception))
print(catch(AssertionError(), Exception))
print(catch(OverflowError(), Exception))
print(catch(TimeoutError(), Exception))
print(catch(AttributeError(), Exception))
print(catch(TypeError(), ValueError))
for exc in [ValueError("x"), KeyboardInterrupt(), StopIteration()]:
    print(type(exc).__name__, isinstance(exc, Exception), isinstance(exc, BaseException))
