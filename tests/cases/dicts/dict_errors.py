d = {'a': 1}
try:
    d['b']
except KeyError as e:
    print(e, repr(e), e.args)
try:
    d[(1, 2)]
except KeyError as e:
    print(e, repr(e))
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    for k in d:
        d['new'] = 1
except RuntimeError as e:
    print(e)
try:
    d.pop('zzz')
except KeyError as e:
    print(repr(e))
try:
    d[''] 
except KeyError as e:
    print(repr(e), str(e))
