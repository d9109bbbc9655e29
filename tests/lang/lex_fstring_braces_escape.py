# Doubled braces are literal braces.
x = 1
print(f"{{}}")
print(f"{{x}} is {x}")
print(f"{{{x}}}")
print(f"a {{ b }} c")
print("{{not an f-string}}")
