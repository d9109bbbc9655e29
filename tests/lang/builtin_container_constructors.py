# list, tuple, dict and set build containers from iterables.
print(list(), list("ab"), list(range(3)), list((1, 2)), list({"k": 1}), list({5}))
print(tuple(), tuple([1, 2]), tuple("xy"), tuple(x * 2 for x in range(3)))
print(dict(), dict(a=1), dict([("b", 2)]), dict(zip("cd", [3, 4])))
print(set(), sorted(set([3, 3, 1])), sorted(set("hello")), sorted(set(range(3))))
original = [1, 2]
copy = list(original)
copy.append(3)
print(original, copy)
print(list(map(list, ["ab", "c"])))
