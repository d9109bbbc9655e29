class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


class Plain:
    pass


for obj in [Box([]), Box([1]), Flag(False), Flag(True), Plain()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)
print(len(Box([1, 2, 3])), [len(x) for x in [Box([]), Box([0])] if x])
print(all([Flag(True), Box([1])]), any([Flag(False), Box([])]))
print(Flag(True) and "and-result", Flag(False) or "or-result")


class BadBool:
    def __bool__(self):
        return 1


class BadLen:
    def __len__(self):
        return -1


class StrLen:
    def __len__(self):
        return "3"


for obj in [BadBool(), BadLen()]:
    try:
        bool(obj)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    len(StrLen())
except TypeError as e:
    print(e)
try:
    len(Plain())
except TypeError as e:
    print(e)
while Box([]):
    print("never")
i = 0
while Flag(i < 2):
    i += 1
print(i)
