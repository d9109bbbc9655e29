# Tabs alone are a valid indentation.
def f(n):
	if n:
		return "tab-tab"
	return "tab"


print(f(1))
print(f(0))
