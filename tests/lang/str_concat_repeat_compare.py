# Concatenation, repetition, comparison and membership.
a, b = "spam", "eggs"
print(a + b, a + " " + b, a * 3, 3 * b, a * 0, repr(a * -2))
print(a == "spam", a != b, a < b, a > b, "abc" < "abd", "ab" < "abc", "Z" < "a")
print("é" > "z", "" < "a", "apple" <= "apple")
print("am" in a, "ma" in a, "" in a, "x" not in a)
s = ""
for word in ["x", "y", "z"]:
    s += word
print(s)
print(sorted(["banana", "Apple", "cherry", "apple"]))
print(max("abc", "abd"), min(["b", "a", "c"]))
