# round() rounds half to even; with ndigits it rounds the exact binary value.
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2))
print(round(1234.5678, 2), round(1234.5678, 1), round(1234.5678, -2), round(1234.5678, 0))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7)).__name__)
print(round(7), round(-7), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(3.14159, 3), round(-3.14159, 3), round(1e20), round(0.0))
print(round(2.5, None), round(5, 1))
