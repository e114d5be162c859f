# An uncaught exception whose context chain already loops is printed once around the loop.
a = ValueError('a'); b = ValueError('b')
a.__context__ = b; b.__context__ = a
try:
    raise a
except ValueError:
    raise KeyError('k')
