try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
except TypeError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ValueError('a')
    finally:
        print('finally during exception')
except ValueError as e:
    print('caught', e)
def f():
    try:
        raise KeyError('k')
    except KeyError as e:
        pass
    return e
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__)
