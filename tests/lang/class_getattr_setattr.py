class Config:
    def __init__(self, **values):
        self._values = values

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None


c = Config(host="localhost", port=80)
print(c.host, c.port, getattr(c, "debug", False), hasattr(c, "host"), hasattr(c, "nope"))
try:
    c.missing
except AttributeError as e:
    print(e)


class Recorder:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)


r = Recorder()
r.a = 1
r.b = 2
r.a = 3
print(r.log, r.a, r.b, r.__dict__)


class ReadOnly:
    def __init__(self, value):
        object.__setattr__(self, "value", value)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is read-only")


ro = ReadOnly(5)
print(ro.value)
try:
    ro.value = 6
except AttributeError as e:
    print(e)


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        print("forwarding", name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1))
