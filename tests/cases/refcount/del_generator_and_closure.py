class T:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def gen():
    t = T('gen local')
    yield 1
    yield 2
g = gen()
next(g)
print('generator suspended')
del g
print('generator gone')
def make():
    t = T('closed over')
    return lambda: t.n
f = make()
print(f())
del f
print('closure gone')
