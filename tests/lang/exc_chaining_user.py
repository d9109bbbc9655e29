class StorageError(Exception):
    pass


class ConfigError(Exception):
    def __init__(self, key):
        super().__init__(f"missing key {key!r}")
        self.key = key


def load(config):
    try:
        return config["path"]
    except KeyError as e:
        raise ConfigError("path") from e


def save(data):
    try:
        load({})
    except ConfigError as e:
        print("cause:", repr(e.__cause__), "context:", repr(e.__context__))
        raise StorageError("cannot save") from e


try:
    save(1)
except StorageError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

save("x")
