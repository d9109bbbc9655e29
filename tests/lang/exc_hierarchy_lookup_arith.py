# LookupError and ArithmeticError group related built-in exceptions.
for action in [lambda: [][1], lambda: {}["k"], lambda: 1 // 0, lambda: float(10 ** 400)]:
    try:
        action()
    except LookupError as e:
        print("LookupError:", type(e).__name__)
    except ArithmeticError as e:
        print("ArithmeticError:", type(e).__name__)
