# if / elif / else chains.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"


for s in [95, 85, 75, 10]:
    print(s, grade(s))
x = 5
if x > 10:
    print("big")
elif x > 3:
    print("medium")
if x:
    print("truthy")
if []:
    print("never")
else:
    print("empty list is falsy")
if x == 5:
    if x % 2:
        print("odd five")
