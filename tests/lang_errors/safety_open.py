# handoff's safety promise (docs/reliability.md): no files. CPython opens the
# file; handoff has no `open`, so the expectation (.err) is hand-checked.
with open("/etc/hostname") as f:
    print(f.read())
