# pass does nothing, anywhere a statement is needed.
def stub():
    pass


for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
try:
    pass
except Exception:
    pass
print(stub(), i)
