class Step:
    log = []

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Step.log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        Step.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else '-'}")
        return False


class Abort(Exception):
    pass


def run():
    try:
        with Step("outer"):
            with Step("inner"):
                raise Abort("stop")
    except Abort as e:
        Step.log.append(f"caught {e}")
        return "handled"
    finally:
        Step.log.append("finally")


print(run())
print("\n".join(Step.log))
