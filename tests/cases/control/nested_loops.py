for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
table = []
for r in range(1, 4):
    row = []
    for c in range(1, 4):
        row.append(r * c)
    table.append(row)
print(table)
found = None
for i in range(10):
    for j in range(10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print(found)
