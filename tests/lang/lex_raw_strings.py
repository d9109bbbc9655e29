# Raw strings keep backslashes.
print(r"\n", R"\t", r'\x41')
print(len(r"\n"), len("\n"))
print(r"C:\new\table")
print(repr(r"a\b"))
print(r"""raw
triple \n""")
print(r"\"quoted\"")
