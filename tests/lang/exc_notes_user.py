class ValidationError(Exception):
    pass


def validate(record):
    errors = []
    for key in ("name", "age"):
        if key not in record:
            e = ValidationError(f"missing {key}")
            e.add_note(f"record: {record}")
            errors.append(e)
    if errors:
        raise ExceptionGroup("invalid record", errors)


try:
    validate({"id": 1})
except* ValidationError as eg:
    for e in eg.exceptions:
        print(e, e.__notes__)

err = ValidationError("bad")
err.add_note("first")
err.add_note("second")
print(err.__notes__)
raise err
