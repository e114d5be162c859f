def g():
    try:
        yield 1
    finally:
        return 'from finally'
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print('value', e.value)
def h():
    for i in range(3):
        try:
            yield i
        finally:
            print('finally', i)
for x in h():
    if x == 1:
        break
print('after break')
