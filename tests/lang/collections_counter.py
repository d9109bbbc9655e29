# collections.Counter: counting, most_common, arithmetic, and its repr
from collections import Counter
words = "the cat and the hat and the bat".split()
c = Counter(words)
print(c)
print(c["the"], c["dog"], "dog" in c, len(c), c.most_common(2), c.most_common()[-1], c.total())
letters = Counter("mississippi")
print(letters, sorted(letters.elements()), list(letters.keys()), list(letters.values()))
letters.update("sip")
letters.update({"z": 3})
print(letters)
letters.subtract("sss")
print(letters, letters["s"])
a, b = Counter(a=3, b=1), Counter(a=1, b=2, c=5)
print(a + b, a - b, b - a, a | b, a & b)
print(Counter(), Counter({"x": 2, "y": 5}), Counter(x=1) == Counter({"x": 1}), Counter(x=1) == {"x": 1})
c2 = c.copy()
c2["new"] += 4
del c2["cat"]
del c2["absent"]
print(c2, c)
for word, count in Counter("abracadabra").most_common(3):
    print(word, count)
print(dict(sorted(Counter([3, 1, 3, 2, 3, 1]).items())), max(Counter("hello").items(), key=lambda kv: kv[1]))
