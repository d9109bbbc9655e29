# handoff's classes cannot derive from built-in containers such as list: the
# message says so and what to do instead (CPython 3.11 runs this happily).
class Stack(list):
    def push(self, item):
        self.append(item)


s = Stack()
s.push(1)
print("never printed: the class statement fails first", s)
