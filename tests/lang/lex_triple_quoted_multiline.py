# Triple-quoted strings keep their newlines and inner indentation.
text = """first line
    indented line
last line"""
print(text)
print(len(text.splitlines()))
def f():
    s = '''
    inside a function
    '''
    return s
print(repr(f()))
joined = """one\
 two"""
print(joined)
