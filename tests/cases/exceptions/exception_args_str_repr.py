for e in [Exception(), Exception('one'), Exception('a', 2), ValueError(''), KeyError('k'), KeyError(), KeyError('a', 'b'), OSError(2, 'No such file'), StopIteration(5), SystemExit(3)]:
    print(repr(e), '|', str(e), '|', e.args)
class E(Exception):
    def __str__(self): return 'custom str'
print(repr(E('x')), str(E('x')))
e = ValueError('msg')
e.extra = 1
print(e.extra, e.args[0])
print(repr(ZeroDivisionError('division by zero')))
