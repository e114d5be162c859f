class P:
    def __init__(self): self.a = 1; self.b = 2
p = P()
print(vars(p), p.__dict__ is vars(p))
setattr(p, 'c', 3)
print(getattr(p, 'c'), getattr(p, 'zz', 'default'), hasattr(p, 'a'))
delattr(p, 'a')
print(vars(p))
print(P.__name__, P.__module__, P.__bases__, P.__class__)
print(type('Dyn', (P,), {'z': 9})().z)
print([n for n in dir(p) if not n.startswith('__')])
