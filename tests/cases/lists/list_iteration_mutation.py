l = [1, 2, 3, 4]
for x in l:
    if x == 2:
        l.remove(x)
print(l)
l = [1, 2, 3]
out = []
for i, x in enumerate(l):
    out.append((i, x))
    if len(l) < 5:
        l.append(x * 10)
print(out, l)
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
