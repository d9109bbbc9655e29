# Every float literal form.
print(1.5, .5, 5., 0.0)
print(1e10, 1E10, 1e-3, 1.5e+3, 2.5E-2)
print(1_000.000_5, 1_0e1_0)
print(0e0, 00.5, 0.)
print(3.14159, 6.02e23, 1.6e-19)
print(type(1.).__name__, type(1e0).__name__, type(.1).__name__)
