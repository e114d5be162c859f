d = {1: 'int', 'one': 'str', (1, 2): 'tuple', None: 'none', 2.5: 'float', frozenset([1]): 'fs', b'b': 'bytes'}
for k in d:
    print(repr(k), d[k])
print(d[1.0], d[True] if True in d else 'nokey')
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
dd = {K(1): 'a'}
print(dd[K(1)], K(2) in dd)
