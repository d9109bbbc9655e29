# partition and rpartition split around the first or last separator.
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("no separator".partition("="), "no separator".rpartition("="))
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
