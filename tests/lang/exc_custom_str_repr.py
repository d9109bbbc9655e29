class HTTPError(Exception):
    def __init__(self, status, reason):
        self.status = status
        self.reason = reason
        super().__init__(status, reason)

    def __str__(self):
        return f"{self.status} {self.reason}"


class Silent(Exception):
    def __repr__(self):
        return "Silent!"


e = HTTPError(404, "Not Found")
print(str(e), repr(e), e.args, f"{e}", [e])
print(str(Silent("x")), repr(Silent("x")), [Silent()])
try:
    raise HTTPError(500, "Server Error")
except HTTPError as err:
    print(f"caught: {err} ({err.status})")
raise HTTPError(503, "Unavailable")
