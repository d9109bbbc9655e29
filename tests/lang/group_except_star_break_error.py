# `break`, `continue` and `return` may not leave an except* clause: a syntax
# error, found before anything runs.
print("never printed")
for attempt in range(3):
    try:
        raise ExceptionGroup("eg", [ValueError(attempt)])
    except* ValueError:
        break
