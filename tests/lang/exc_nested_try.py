# Nested try statements: inner finally runs before outer handlers.
def nested(kind):
    try:
        try:
            if kind == "value":
                raise ValueError("v")
            if kind == "type":
                raise TypeError("t")
            print("  inner body finished")
        except ValueError:
            print("  inner caught ValueError")
        finally:
            print("  inner finally")
        print("  after inner try")
    except TypeError:
        print("  outer caught TypeError")
    finally:
        print("  outer finally")


for kind in ["value", "type", "none"]:
    print(kind)
    nested(kind)
