class C:
    a = 1
    def m(self): return 'm'
c = C()
print(callable(len), callable(C), callable(c), callable(c.m), callable(1), callable(lambda: 0), callable(None))
print(getattr(c, 'a'), getattr(c, 'b', 'dflt'), hasattr(c, 'a'), hasattr(c, 'b'))
setattr(c, 'b', 2)
print(c.b, getattr(c, 'm')())
delattr(c, 'b')
print(hasattr(c, 'b'))
try:
    getattr(c, 'zzz')
except AttributeError as e:
    print(e)
try:
    delattr(c, 'zzz')
except AttributeError as e:
    print(e)
try:
    getattr(c, 5)
except TypeError as e:
    print(e)
