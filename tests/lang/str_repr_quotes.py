# repr picks its quotes and escapes control characters.
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("nl\n"), repr("cr\r"), repr("bs\\"))
print(repr("\x00\x01\x1f\x7f"), repr("é€😀"), repr("\x80"), repr("\u00a0"))
print(repr(""), repr(" "), str("same"), repr(repr("x")))
print(["a'b", 'c"d', "e"])
print(("x", "y"), {"k": "v"})
