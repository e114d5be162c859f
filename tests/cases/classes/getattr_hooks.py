class Dyn:
    def __init__(self):
        self.real = 'real'
    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:].upper()
        raise AttributeError(f'{type(self).__name__!r} has no {name!r}')
d = Dyn()
print(d.real, d.dyn_abc, getattr(d, 'dyn_x'), hasattr(d, 'nope'))
try:
    d.nope
except AttributeError as e:
    print(e)
class Logged:
    def __getattribute__(self, name):
        print('get', name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
print(l.a)
del l.a
