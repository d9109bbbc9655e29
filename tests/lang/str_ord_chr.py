# ord and chr convert between characters and code points.
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("é"), ord("€"), ord("😀"))
print(chr(97), chr(65), chr(48), chr(233), chr(8364), chr(128512))
print(chr(ord("a") + 1), "".join(chr(ord("a") + i) for i in range(26)))
print([ord(c) for c in "Hi!"], repr(chr(0)), repr(chr(10)))
print(chr(0x10FFFF) == "\U0010ffff")
