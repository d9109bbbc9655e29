# math's errors, worded as CPython's
import math
tests = [
    ("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-2.5)", lambda: math.log(-2.5)),
    ("log(-big)", lambda: math.log(-(2**1000))), ("exp(1000)", lambda: math.exp(1000)), ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("pow(10, 400)", lambda: math.pow(10, 400)), ("pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)), ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(2.5)", lambda: math.factorial(2.5)), ("floor('x')", lambda: math.floor("x")), ("sqrt('x')", lambda: math.sqrt("x")),
    ("sqrt()", lambda: math.sqrt()), ("sqrt(1, 2)", lambda: math.sqrt(1, 2)), ("floor(inf)", lambda: math.floor(math.inf)),
    ("ceil(nan)", lambda: math.ceil(math.nan)), ("gcd(1.5)", lambda: math.gcd(1.5)), ("isqrt(-4)", lambda: math.isqrt(-4)),
    ("comb(-1, 2)", lambda: math.comb(-1, 2)), ("comb(5, -2)", lambda: math.comb(5, -2)), ("acos(2)", lambda: math.acos(2)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)), ("log(10, 1)", lambda: math.log(10, 1)), ("isclose tol", lambda: math.isclose(1, 2, rel_tol=-1)),
    ("dist dims", lambda: math.dist((1,), (1, 2))), ("fsum inf-inf", lambda: math.fsum([math.inf, -math.inf])),
    ("fsum overflow", lambda: math.fsum([1e308, 1e308])), ("ldexp", lambda: math.ldexp(1.0, 5000)), ("trunc('x')", lambda: math.trunc("x")),
    ("log('x')", lambda: math.log("x")), ("pow(2)", lambda: math.pow(2)), ("prod()", lambda: math.prod()), ("perm(3, -1)", lambda: math.perm(3, -1)),
    ("atanh(1)", lambda: math.atanh(1)), ("sin(inf)", lambda: math.sin(math.inf)), ("cosh(1000)", lambda: math.cosh(1000)),
    ("log()", lambda: math.log()), ("sqrt(2**2000)", lambda: math.sqrt(2**2000)), ("prod mixed", lambda: math.prod([3, "ab", []])),
]
for label, test in tests:
    try:
        print(label, "->", test())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
