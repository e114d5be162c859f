try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    raise ValueError('a') from 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    print('no exception, except clause never evaluated')
except TypeError as e:
    print(e)
