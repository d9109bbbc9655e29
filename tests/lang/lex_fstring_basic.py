# f-strings substitute expressions.
name = "world"
n = 42
print(f"hello {name}")
print(f"{n} {n + 1} {n * 2}")
print(F"upper F {name}")
print(f'single quotes {name}')
print(f"""triple {name}""")
print(f"{name}{n}{name}")
print(f"no fields")
print(f"{3.5} {True} {None} {[1, 2]} {(1,)} {'quoted'}")
print(f"{'a' 'b'}" f"-{n}-" "plain")
x = 7
print(f"{x}" * 2)
