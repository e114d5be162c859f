class C:
    def __init__(self, n): self.n = n
    def get(self): return self.n
c = C(7)
m = c.get
print(m(), m.__self__ is c, m.__func__ is C.get, C.get(c))
print(c.get == c.get, c.get is c.get)
f = C.get
print(f(C(8)), list(map(C.get, [C(1), C(2)])))
class D:
    def method(self): return 'method'
d = D()
d.method = lambda: 'instance override'
print(d.method(), D.method(d))
