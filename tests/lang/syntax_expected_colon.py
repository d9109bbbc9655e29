print("a syntax error means nothing runs")
if 1 == 1
    print("missing colon")
