# upper, lower, capitalize, title, swapcase.
s = "hello World, 42!"
print(s.upper())
print(s.lower())
print("hello world".capitalize(), "HELLO".capitalize())
print("hello big world".title(), "they're".title())
print("MiXeD".swapcase())
