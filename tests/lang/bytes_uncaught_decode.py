# an uncaught UnicodeDecodeError ends the program as in CPython
data = 'naïve'.encode('utf-8')
print(data, len(data))
print(data[:3].decode())
