# Strings are indexed by code point, not by byte.
s = "héllo wörld"
print(len(s), s[0], s[1], s[7], s[-1], s[-4])
e = "a€b😀c"
print(len(e), e[1], e[3], e[-1], e[-2])
for ch in "né😀":
    print(ch, ord(ch))
print("日本語"[1], len("日本語"), "日本語".find("語"), "日本語".index("本"))
print("😀" * 3, len("😀" * 3))
