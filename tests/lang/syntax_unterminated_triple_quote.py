text = """this string
never ends
print(text)
