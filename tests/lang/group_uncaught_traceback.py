class StepFailed(Exception):
    pass


def step(n):
    raise StepFailed(f"step {n} failed")


def run_all():
    errors = []
    for n in range(2):
        try:
            step(n)
        except StepFailed as e:
            errors.append(e)
    raise ExceptionGroup("run failed", errors)


run_all()
