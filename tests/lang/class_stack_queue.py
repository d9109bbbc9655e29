class EmptyError(Exception):
    pass


class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)
        return self

    def pop(self):
        if not self._items:
            raise EmptyError("stack is empty")
        return self._items.pop()

    def peek(self):
        return self._items[-1] if self._items else None

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        return f"Stack({self._items})"


class Queue(Stack):
    def pop(self):
        if not self:
            raise EmptyError("queue is empty")
        return self._items.pop(0)

    def peek(self):
        return self._items[0] if self else None

    def __repr__(self):
        return "Queue" + super().__repr__()[5:]


for container in [Stack(), Queue()]:
    container.push(1).push(2).push(3)
    print(container, len(container), container.peek(), container.pop(), container)
    while container:
        container.pop()
    try:
        container.pop()
    except EmptyError as e:
        print(type(e).__name__, e)


def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = Stack()
    for ch in text:
        if ch in "([{":
            stack.push(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack


print([balanced(t) for t in ["([]{})", "(]", "((", ""]])
