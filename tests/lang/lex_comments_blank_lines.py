# Comments and blank lines never produce indentation tokens.
def f():
    # comment at body indentation
    x = 1

        # comment deeper than the body

    y = 2  # trailing comment
# comment at column zero inside the function
    return x + y
   
	
print(f())  # blank lines above hold only spaces and a tab
if True:
    pass
    # trailing comment in a block
print("end")  # the file ends with a comment
# last
