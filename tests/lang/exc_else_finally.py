# else runs when no exception happened; finally always runs.
def attempt(value):
    try:
        print("  try", value)
        result = 10 // value
    except ZeroDivisionError:
        print("  except")
        result = None
    else:
        print("  else", result)
    finally:
        print("  finally")
    return result


print(attempt(2))
print(attempt(0))
try:
    try:
        raise ValueError("passes through")
    finally:
        print("finally before propagating")
except ValueError as e:
    print("outer caught", e)
try:
    pass
finally:
    print("finally with nothing raised")
