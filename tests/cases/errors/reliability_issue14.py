# Reproducers of issue #14: the parity of huge exponents, random's bit
# counts past a C int, and a __context__ chain that already loops.
print((-1) ** (2**63), (-1) ** (10**100), pow(-1, 2**64), pow(-1, 2**64+1), pow(-1, 2**64, 7), 1 ** (10**100), 0 ** (10**100))
import random
for f in ['random.getrandbits(2**40)', 'random.randbytes(2**62)']:
    try:
        eval(f)
    except Exception as e:
        print(type(e).__name__, e)
a = ValueError('a'); b = ValueError('b')
a.__context__ = b; b.__context__ = a
try:
    try:
        raise a
    except ValueError:
        raise KeyError('k')
except KeyError as e:
    print('caught', repr(e), repr(e.__context__), repr(e.__context__.__context__))
