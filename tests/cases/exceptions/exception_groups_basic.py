try:
    raise ExceptionGroup('many', [ValueError('v'), TypeError('t')])
except* ValueError as eg:
    print('value errors', eg.exceptions)
except* TypeError as eg:
    print('type errors', eg.exceptions)
eg = ExceptionGroup('g', [KeyError('a')])
print(repr(eg), str(eg), eg.message)
