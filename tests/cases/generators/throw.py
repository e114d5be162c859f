def g():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught in gen', e)
            yield 'recovered'
it = g()
print(next(it))
print(it.throw(ValueError('bad')))
print(next(it))
try:
    it.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
print(next(it, 'exhausted'))
