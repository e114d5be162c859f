class T:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def f():
    t = T('in f')
    raise ValueError('boom')
try:
    f()
except ValueError as e:
    print('caught', e)
print('after except block')
def g():
    t = T('loop var')
    for i in range(2):
        t = T(i)
    print('end of g')
g()
print('after g')
