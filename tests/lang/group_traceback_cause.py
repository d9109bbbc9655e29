class BatchError(Exception):
    pass


def run():
    errors = []
    for i in range(3):
        try:
            raise BatchError(f"item {i}")
        except BatchError as e:
            errors.append(e)
    raise ExceptionGroup("batch failed", errors) from ValueError("root")


run()
