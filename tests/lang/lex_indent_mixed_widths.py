# Each block may choose its own indentation width, as long as it is consistent.
def f(x):
  if x:
        return "deep"
  else:
   return "shallow"


print(f(1))
print(f(0))
while True:
            print("twelve spaces")
            break
