def f():
    try:
        raise ValueError('original')
    except ValueError:
        print('handling')
        raise
try:
    f()
except ValueError as e:
    print('re-raised', e)
try:
    raise
except RuntimeError as e:
    print(e)
def g():
    try:
        raise KeyError('a')
    except KeyError as e:
        err = e
    try:
        raise err
    except KeyError as e2:
        print(e2 is err)
g()
