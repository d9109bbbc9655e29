# A tab and spaces that disagree about the indentation level.
if True:
        x = 1
	y = 2
