def inner():
    yield 1
    yield 2
    return 'inner result'
def outer():
    r = yield from inner()
    print('inner returned', r)
    yield 3
    return 'outer result'
g = outer()
print(list(g))
g = outer()
try:
    while True:
        print('got', next(g))
except StopIteration as e:
    print('final', e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab', range(2))))
