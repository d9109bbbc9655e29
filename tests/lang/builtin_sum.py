# sum adds numbers, starting from 0 or from `start`.
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([0.1] * 10))
print(sum([1, 2], 10), sum([1.5, 2.5]), sum([2 ** 64, 2 ** 64]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum(x for x in range(5)), sum([True, True, False]), sum([1, 2.5]))
print(sum(range(10), start=100))
