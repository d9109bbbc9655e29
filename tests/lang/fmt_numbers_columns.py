# A tutorial's table: numbers in aligned columns
rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 150, 0.1), ("dates", 7, 3.75)]
print(f"{'item':<10}{'qty':>6}{'price':>8}{'total':>10}")
print("-" * 34)
grand = 0
for item, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{item:<10}{qty:>6d}{price:>8.2f}{total:>10.2f}")
print("-" * 34)
print(f"{'TOTAL':<10}{'':>6}{'':>8}{grand:>10.2f}")
print("{:>10}|{:^10}|{:<10}|".format("r", "c", "l"))
for n in [1, 22, 333, 4444, 55555]:
    print("{:5d} {:08b} {:>6x} {:>8.2e} {:6.1%}".format(n, n % 256, n, n, n / 100000))
print(f"{1234567890:,d}", f"{-1234567.5:,.2f}", f"{0.000012345:.2e}", f"{123.456:08.2f}", f"{-42:^+9}")
