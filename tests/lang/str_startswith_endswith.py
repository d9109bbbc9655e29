# startswith and endswith, with tuples of candidates.
name = "report_2024.csv"
print(name.startswith("report"), name.startswith("data"), name.endswith(".csv"))
print(name.endswith((".txt", ".csv")), name.startswith(("a", "b")))
print(name.startswith("2024", 7), "".startswith(""), "abc".endswith(""))
print("abc".startswith("abcd"), "abc".endswith("bc"))
