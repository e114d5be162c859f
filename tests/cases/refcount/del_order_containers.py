class P:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
t = (P('t1'), P('t2'), P('t3'))
del t
print('--')
l = [P('l1'), P('l2'), P('l3')]
l.clear()
print('-- cleared')
d = {P('k1'): P('v1'), P('k2'): P('v2')}
del d
print('--')
o = P('owner')
o.a = P('attr a'); o.b = P('attr b'); o.c = P('attr c')
del o
print('--')
l = [P(i) for i in range(3)]
l[1] = None
print('-- replaced')
del l[0]
print('-- deleted item')
l.pop()
print('-- popped')
