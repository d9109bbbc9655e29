# Benchmark: method calls on objects of user classes: plain and inherited
# methods, super(), a property, a classmethod and a staticmethod, and the
# special methods __eq__, __hash__, __lt__, __len__ and __iter__.
class Account:
    fee = 1

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        self.balance += amount
        self.history += 1
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount + self.fee
        self.history += 1
        return True

    @property
    def rich(self):
        return self.balance > 5000

    def __eq__(self, other):
        return self.owner == other.owner

    def __hash__(self):
        return self.owner

    def __lt__(self, other):
        return self.balance < other.balance


class Savings(Account):
    rate = 3

    def deposit(self, amount):
        super().deposit(amount)
        if self.history % 10 == 0:
            self.add_interest()
        return self

    def add_interest(self):
        self.balance += self.interest(self.balance, self.rate)

    @staticmethod
    def interest(balance, rate):
        return balance * rate // 1000

    @classmethod
    def opened(cls, owner):
        return cls(owner, 100)


class Bank:
    def __init__(self, accounts):
        self.accounts = accounts

    def __len__(self):
        return len(self.accounts)

    def __iter__(self):
        return iter(self.accounts)

    def total(self):
        total = 0
        for account in self:
            total += account.balance
        return total


def main():
    bank = Bank([Savings.opened(i) if i % 2 else Account(i, 50) for i in range(500)])
    checksum = 0
    for day in range(300):
        for account in bank:
            account.deposit(day % 7 + 1).deposit(2)
            if account.withdraw(day % 5):
                checksum += 1
            if account.rich:
                checksum += 3
        checksum += bank.total() % 1000 + len(bank)
        if day % 50 == 0:
            checksum += len(set(bank.accounts)) + sorted(bank.accounts)[0].owner
            checksum += bank.accounts[3] == Account(3, 0)
    print(checksum, bank.total())


main()
