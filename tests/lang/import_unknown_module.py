# importing a module handoff does not have: CPython's ModuleNotFoundError
print("start")
try:
    import numpy
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from handoff_no_such_package import get
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import handoff_no_such_module as m
except ModuleNotFoundError as e:
    print(str(e), repr(e))
print("end")
