# Inside (), [] and {} newlines, indentation and comments do not matter.
numbers = [
    1, 2,   # a comment inside brackets
        3,

    4,
]
print(numbers)
pairs = {
  "a": 1,
                "b": 2,
}
print(pairs)
result = (1 +
    2
          + 3)
print(result)
print(max(
    10,
    20,
))
def f(a,
      b,
   c):
    return a + b + c
print(f(1,
    2, 3))
