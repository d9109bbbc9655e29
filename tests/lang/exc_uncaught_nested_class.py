class Service:
    class Unavailable(RuntimeError):
        pass

    def call(self):
        raise self.Unavailable("down for maintenance")


Service().call()
