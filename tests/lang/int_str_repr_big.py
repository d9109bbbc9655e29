# Converting big integers to text.
n = 2 ** 128
print(str(n), repr(n))
print(str(-n))
print(len(str(2 ** 1000)), str(2 ** 1000)[:10], str(2 ** 1000)[-10:])
print(hex(n), bin(2 ** 70), hex(-n))
print(f"{n}", f"{-n}")
print(str(10 ** 18), str(10 ** 19), str(-10 ** 19))
