x = None
class N: pass
for i in range(300000):
    n = N(); n.next = x; x = n
del x, n
d = None
for i in range(300000): d = {'d': d}
del d
print('ok')
