# Dicts are equal when they hold the same pairs, in any order.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b, a == {"x": 1}, {} == {}, {1: 1} == {1.0: 1})
print({"k": [1, 2]} == {"k": [1, 2]}, {"k": 1} == {"k": "1"})
