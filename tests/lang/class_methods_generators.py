class Fib:
    def __init__(self, limit):
        self.limit = limit

    def numbers(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b

    def evens(self):
        return (n for n in self.numbers() if n % 2 == 0)

    def squares(self):
        return [n * n for n in self.numbers()]

    def by_parity(self):
        return {n: "even" if n % 2 == 0 else "odd" for n in self.numbers()}


f = Fib(30)
print(list(f.numbers()), list(f.evens()), f.squares())
print(f.by_parity())
g = f.numbers()
print(next(g), next(g), next(g), type(g).__name__)


class Tree:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right

    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.value
        if self.right:
            yield from self.right.inorder()

    def depth(self):
        return 1 + max(self.left.depth() if self.left else 0, self.right.depth() if self.right else 0)

    def insert(self, value):
        side = "left" if value < self.value else "right"
        child = getattr(self, side)
        if child is None:
            setattr(self, side, Tree(value))
        else:
            child.insert(value)
        return self


t = Tree(5)
for v in [3, 8, 1, 4, 9, 7, 2]:
    t.insert(v)
print(list(t.inorder()), t.depth())


class Greeter:
    prefix = "Hello"

    def make(self):
        def greet(name):
            return f"{self.prefix}, {name}"
        return greet

    def lambdas(self):
        return [lambda x, i=i: x * i + len(self.prefix) for i in range(3)]


g = Greeter().make()
print(g("ada"), [f(2) for f in Greeter().lambdas()])
