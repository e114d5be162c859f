out = []
for i in range(20):
    if i % 2:
        continue
    if i > 12:
        break
    out.append(i)
print(out)
i = 0
total = 0
while i < 100:
    i += 1
    if i % 10:
        continue
    total += i
print(total)
for x in range(3):
    try:
        if x == 1:
            continue
        print('body', x)
    finally:
        print('finally', x)
