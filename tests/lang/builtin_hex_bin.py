# hex and bin show integers in base 16 and base 2.
print(hex(0), hex(255), hex(-255), hex(2 ** 64), hex(4096))
print(bin(0), bin(5), bin(-5), bin(2 ** 65), bin(255))
print(int(hex(123456), 16), int(bin(99), 2))
print(hex(True), bin(False))
