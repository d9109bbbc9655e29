# Single, double and triple quotes, and implicit concatenation.
print('single', "double")
print('it\'s', "say \"hi\"", "it's", 'say "hi"')
print('''triple single''', """triple double""")
print("""a "quoted" word and 'another'""")
print("con" 'cat' """ena""" "tion")
print("", '', len(""), len(''''''))
s = ("one "
     "two "
     "three")
print(s)
