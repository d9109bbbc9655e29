# replace, find, rfind, index, rindex and count.
s = "the cat sat on the mat"
print(s.replace("at", "og"), s.replace("the", "a", 1), s.replace("zz", "y"))
print(s.find("at"), s.find("at", 6), s.find("dog"), s.rfind("at"), s.rfind("zz"))
print(s.index("sat"), s.rindex("the"), s.find(""), s.find("t", 3, 10))
print(s.count("at"), s.count("the"), s.count("z"), "aaaa".count("aa"), "abc".count(""))
print("".replace("", "x"), "ab".replace("", "-"))
print("banana".replace("a", ""))
