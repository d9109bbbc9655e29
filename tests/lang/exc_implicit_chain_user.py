class CleanupError(Exception):
    pass


class Resource:
    def close(self):
        raise CleanupError("close failed")


def work():
    r = Resource()
    try:
        1 / 0
    finally:
        r.close()


work()
