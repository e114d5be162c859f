def inner():
    got = []
    while True:
        try:
            v = yield
        except KeyError:
            got.append('KeyError')
            continue
        if v is None:
            return got
        got.append(v)
def outer():
    r = yield from inner()
    yield ('result', r)
g = outer()
next(g)
g.send(1)
g.throw(KeyError)
g.send('two')
print(g.send(None))
