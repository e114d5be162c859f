class T:
    def __init__(self, name): self.name = name
    def __del__(self): print('__del__', self.name)
t = T('a')
print('before del')
del t
print('after del')
t = T('b')
t = T('c')
print('rebound')
def f():
    local = T('local')
    print('returning')
f()
print('after f')
T('temporary')
print('after temporary')
x = T('x'); y = x
del x
print('x deleted, y still alive')
del y
del t
print('end')
