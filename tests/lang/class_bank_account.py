class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount}: balance is {balance}")
        self.balance = balance
        self.amount = amount


class Account:
    interest_rate = 0.02
    _next_number = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.transactions = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.transactions.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self._balance, amount)
        self._balance -= amount
        self.transactions.append(("withdraw", amount))

    def __str__(self):
        return f"#{self.number} {self.owner}: {self._balance:.2f}"


class SavingsAccount(Account):
    interest_rate = 0.05

    def add_interest(self):
        self.deposit(self.balance * self.interest_rate)


accounts = [Account("ada", 100), SavingsAccount("bob", 200)]
accounts[0].deposit(50)
accounts[1].add_interest()
for acct in accounts:
    try:
        acct.withdraw(175)
    except InsufficientFunds as e:
        print("refused:", e, e.amount - e.balance)
    print(acct, acct.transactions)
try:
    accounts[0].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
try:
    accounts[0].balance = 10
except AttributeError as e:
    print("AttributeError:", e)
print(Account.interest_rate, SavingsAccount.interest_rate, accounts[1].interest_rate)
