def g():
    yield me.send(None)
me = g()
try:
    next(me)
except ValueError as e:
    print(e)
def h():
    yield 1
it = h()
print(iter(it) is it, next(it))
print(list(it), next(it, 'end'))
