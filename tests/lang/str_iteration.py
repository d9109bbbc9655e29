# Iterating over strings, character by character.
for ch in "abc":
    print(ch)
print(list("héllo"), tuple("ab"))
print([c.upper() for c in "xyz"], "".join(reversed("stressed")))
for i, ch in enumerate("hi"):
    print(i, ch)
vowels = 0
for ch in "programming language":
    if ch in "aeiou":
        vowels += 1
print(vowels)
