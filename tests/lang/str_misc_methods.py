# A few more everyday str methods.
print("Title Case".istitle(), "not Title".istitle(), "x1".isidentifier(), "1x".isidentifier())
print("42".isnumeric(), "42".isdecimal(), "Hello".casefold())
print("x".join(["1", "2"]).split("x"))
print("abc".removeprefix("a"), "abc".removesuffix("c"), "abc".removeprefix("z"))
print("one two".split(maxsplit=1), "a,b".split(sep=","))
