class T:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
class Holder: pass
h = Holder()
h.x = T(1)
h.x = T(2)
print('reassigned')
del h.x
print('attr deleted')
d = {'k': T('dict value')}
d['k'] = None
print('dict value replaced')
s = [T('a'), T('b')]
s[:] = []
print('slice cleared')
