# A small program: FizzBuzz, three ways.
for n in range(1, 16):
    if n % 15 == 0:
        print("FizzBuzz")
    elif n % 3 == 0:
        print("Fizz")
    elif n % 5 == 0:
        print("Buzz")
    else:
        print(n)
print(" ".join("Fizz" * (n % 3 == 0) + "Buzz" * (n % 5 == 0) or str(n) for n in range(1, 16)))


def fizzbuzz(n):
    words = {3: "Fizz", 5: "Buzz"}
    out = "".join(word for k, word in words.items() if n % k == 0)
    return out or str(n)


print([fizzbuzz(n) for n in range(10, 16)])
