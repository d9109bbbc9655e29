# A small program: count words and print the most common ones.
text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick end"""
counts = {}
for line in text.splitlines():
    for word in line.split():
        counts[word] = counts.get(word, 0) + 1
ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
for word, n in ranked[:5]:
    print(f"{word:>6} {n}")
print(len(counts), "distinct words,", sum(counts.values()), "in all")
