it = iter([1, 2])
print(next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 4)))
d = iter({'a': 1, 'b': 2})
print(next(d), next(d))
s = iter('xy')
print(type(s).__name__, list(s))
try:
    next([1])
except TypeError as e:
    print(e)
