# strip, lstrip and rstrip, with and without characters to strip.
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("abcHELLOcba".strip("abc"), repr("".strip()), repr("   ".strip()))
print("www.example.com".strip("w.moc"))
print("\u00a0nbsp\u00a0".strip() == "nbsp")
