# is* predicates.
for s in ["123", "12.3", "abc", "abc123", "ABC", "aBc", "abc ", "   ", "\t\n", "", "_"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower())
print("ABC1".isupper(), "abc1".islower(), "123".isupper())
