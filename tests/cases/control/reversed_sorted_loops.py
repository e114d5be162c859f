for x in reversed([1, 2, 3]):
    print(x, end=' ')
print()
for k in sorted({'b': 1, 'a': 2}):
    print(k, end=' ')
print()
for i, c in reversed(list(enumerate('abc'))):
    print(i, c, end='; ')
print()
