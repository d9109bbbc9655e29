class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
        self._protected = True

    def owner(self):
        return self.__owner

    @classmethod
    def count(cls):
        return cls.__count


a = Account("ada")
print(a.owner(), Account.count(), a._protected)
print(sorted(k for k in vars(a)))
print(a._Account__owner)
try:
    a.__owner
except AttributeError as e:
    print(e)


class Sub(Account):
    def peek(self):
        try:
            return self.__owner
        except AttributeError as e:
            return str(e)


print(Sub("bob").peek(), Account.count())
