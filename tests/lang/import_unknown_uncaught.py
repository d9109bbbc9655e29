# An uncaught import of a module handoff does not provide
print("before")
import pandas_not_here as pd
print("never")
