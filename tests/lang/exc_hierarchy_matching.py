class NetworkError(Exception):
    pass


class TimeoutError_(NetworkError):
    pass


class DNSError(NetworkError):
    def __init__(self, host):
        super().__init__(f"cannot resolve {host}")
        self.host = host


def fetch(kind):
    if kind == "timeout":
        raise TimeoutError_("took too long")
    if kind == "dns":
        raise DNSError("example.org")
    if kind == "value":
        raise ValueError("bad url")
    return "ok"


for kind in ["ok", "timeout", "dns", "value"]:
    try:
        result = fetch(kind)
    except TimeoutError_ as e:
        result = f"retry ({e})"
    except NetworkError as e:
        result = f"network: {e} [{type(e).__name__}]"
    except Exception as e:
        result = f"other: {e!r}"
    else:
        result += " (no error)"
    finally:
        print("checked", kind)
    print(result)

errors = (KeyError, DNSError)
try:
    fetch("dns")
except errors as e:
    print("tuple caught", e.host)
print([cls.__name__ for cls in DNSError.__mro__])
print(isinstance(DNSError("h"), (ValueError, NetworkError)), issubclass(TimeoutError_, (KeyError, Exception)))
