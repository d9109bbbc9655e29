# Lists are shared by reference.
a = [1, 2]
b = a
b.append(3)
print(a, a is b)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
def add_item(lst):
    lst.append("added")
add_item(a)
print(a)
matrix = [[1, 2, 3], [4, 5, 6]]
print(matrix[1][2], [row[0] for row in matrix])
