try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('converted') from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        {}['k']
    except KeyError:
        raise RuntimeError('no cause') from None
except RuntimeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    try:
        raise TypeError('first')
    except TypeError:
        raise IndexError('second')
except IndexError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
