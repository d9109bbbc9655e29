# return: none, bare, early, several values, from inside loops.
def none_at_all():
    x = 1


def bare():
    return


def early(n):
    if n < 0:
        return "negative"
    return "non-negative"


def several():
    return 1, "two", [3]


def first_even(values):
    for v in values:
        if v % 2 == 0:
            return v
    return None


print(none_at_all(), bare(), early(-1), early(1))
print(several())
one, two, three = several()
print(one, two, three)
print(first_even([1, 3, 4, 6]), first_even([1]))
