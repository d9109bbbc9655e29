# handoff's subset has no `match` statement: it must say so at compile time,
# before running anything (CPython 3.11 would run this program happily).
print("never printed: the whole file is rejected before it runs")
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("unknown")
