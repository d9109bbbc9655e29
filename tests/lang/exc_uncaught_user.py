class QuotaError(Exception):
    def __init__(self, user, used):
        super().__init__(f"{user} used {used} of 100")
        self.user = user


def check(user, used):
    if used > 100:
        raise QuotaError(user, used)
    return used


print(check("ada", 50))
check("bob", 150)
