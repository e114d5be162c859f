class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f'P({self.x!r})'
class Q(P):
    def __str__(self): return f'<Q {self.x}>'
p, q = P('a'), Q(2)
print(p, repr(p), str(p), [p], q, repr(q), [q], f'{q}', f'{q!r}', '%s %r' % (q, q))
print(str([q, p]), (p,), {'k': q})
class NoStr:
    pass
print(type(repr(NoStr())).__name__, repr(NoStr()).startswith('<__main__.NoStr object at 0x'))
