# f-string fields hold any expression: calls, subscripts, conditionals, nested f-strings.
items = [3, 1, 2]
d = {"key": "value", "n": 5}
print(f"{len(items)} items, sorted {sorted(items)}")
print(f"first {items[0]} last {items[-1]} slice {items[1:]}")
print(f"{d['key']} {d['n'] * 2}")
print(f"{'even' if d['n'] % 2 == 0 else 'odd'}")
print(f"{', '.join(str(i) for i in items)}")
print(f"{f'nested {items[0]}'}")
print(f"{(lambda v: v + 1)(41)}")
print(f"{[i * i for i in range(4)]}")
print(f"{ {'a': 1}['a'] }")
print(f"{max(1, 2)}{min(1, 2)}")
