class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            print("created")
        return cls._instance


a = Singleton()
b = Singleton()
print(a is b)



class Money:
    def __new__(cls, amount):
        obj = object.__new__(cls)
        obj.amount = round(amount, 2)
        return obj

    def __init__(self, amount):
        print("init with", amount)

    def __repr__(self):
        return f"Money({self.amount})"


print(Money(3.14159))


class Outer:
    class Inner:
        def method(self):
            return type(self).__qualname__

    def make(self):
        return self.Inner()


print(Outer().make().method(), Outer.Inner, Outer.Inner.__name__)
print(repr(Outer.Inner()).startswith("<__main__.Outer.Inner object at"))


def factory():
    class Local:
        pass
    return Local


print(factory().__qualname__, factory())


class Empty:
    pass


e = Empty()
e.x = 1
print(vars(e), vars(Empty)["__module__"], "x" in dir(e))
Dyn = type("Dyn", (Empty,), {"greet": lambda self: "hi", "n": 3})
print(Dyn().greet(), Dyn.n, Dyn.__mro__, isinstance(Dyn(), Empty))


class WithClassAttr:
    items = []

    def add(self, x):
        self.items.append(x)


w1, w2 = WithClassAttr(), WithClassAttr()
w1.add(1)
w2.add(2)
print(WithClassAttr.items, w1.items is w2.items)


class Base:
    def hello(self):
        return "base hello from " + self.name()

    def name(self):
        return "Base"


class Child(Base):
    def name(self):
        return "Child"


print(Child().hello(), Base.hello(Child()))
print(type(Child.hello), type(Child().hello).__name__, type(Base))
print(Child.__class__, type(type), Child.__base__.__name__)
