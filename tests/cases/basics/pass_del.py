x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
l = [0, 1, 2, 3, 4]
del l[1]
print(l)
del l[::2]
print(l)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
class C: pass
c = C(); c.x = 5
del c.x
print(hasattr(c, 'x'))
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
if True:
    pass
print('done')
