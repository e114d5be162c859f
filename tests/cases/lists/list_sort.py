data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
data.sort(key=lambda v: -v); print(data)
pairs = [('b', 2), ('a', 2), ('c', 1), ('a', 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
words = ['ccc', 'a', 'bb', 'dd', 'e']
words.sort(key=len); print(words)
print(sorted([3.5, -1, 2, 0.0, True]))
print(sorted([[2, 1], [1, 2], [1]]))
print(sorted('hello world'.split(), key=str.upper))
