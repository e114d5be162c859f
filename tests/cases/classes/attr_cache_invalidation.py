# Attribute instructions remember what they found for a type; every change
# that could alter the answer must be seen at once, inside a hot loop.


class P:
    def __init__(self, x):
        self.x = x

    def m(self):
        return 'm'


def read_x(objs):
    return [o.x for o in objs]


def call_m(objs):
    return [o.m() for o in objs]


def write_x(objs, v):
    for o in objs:
        o.x = v


objs = [P(i) for i in range(5)]
print(read_x(objs), call_m(objs))

# A data descriptor on the class now overrides the instance value.
P.x = property(lambda self: 'prop')
print(read_x(objs))
try:
    write_x(objs, 1)
except AttributeError as e:
    print('AttributeError:', e)
del P.x
print(read_x(objs))
write_x(objs, 7)
print(read_x(objs))

# A property with a setter.
log = []
P.x = property(lambda self: 'got', lambda self, v: log.append(v))
write_x(objs, 3)
print(log, read_x(objs))
del P.x

# The method is replaced, then shadowed by an instance attribute.
print(call_m(objs))
P.m = lambda self: 'new m'
print(call_m(objs))
objs[2].m = lambda: 'own m'
print(call_m(objs))
del objs[2].m
print(call_m(objs))

# An instance's __dict__ is asked for and changed directly.
objs[1].__dict__['x'] = 'via dict'
objs[3].__dict__['m'] = lambda: 'dict m'
print(read_x(objs), call_m(objs))

# __class__ changes inside the loop.
class Q:
    def m(self):
        return 'Q.m'


class R:
    def __init__(self):
        self.y = 0
        self.x = 'R.x'

    def m(self):
        return 'R.m'


objs[4].__class__ = Q
print(call_m(objs))
mixed = [R(), P(1), R(), P(2)]
for i in range(3):
    print(read_x(mixed), call_m(mixed))

# A class gains __getattribute__ / __getattr__ / __setattr__.
P.__getattribute__ = lambda self, name: 'intercepted ' + name
print(read_x(mixed))
del P.__getattribute__
print(read_x(mixed))
P.__setattr__ = lambda self, name, v: print('setattr', name, v)
write_x(mixed, 'w')
del P.__setattr__
write_x(mixed, 'w2')
print(read_x(mixed))

# A deleted attribute raises in the loop.
del mixed[1].x
try:
    read_x(mixed)
except AttributeError as e:
    print('AttributeError:', e)

# A descriptor class that gains __set__ later becomes a data descriptor.
class D:
    def __get__(self, obj, cls):
        return 'D.get'


class S:
    pass


s = S()
s.a = 'instance a'
S.a = D()
got = []
for i in range(3):
    got.append(s.a)
D.__set__ = lambda self, obj, v: None
got.append(s.a)
print(got)

# Builtin receivers and __slots__.
class Sl:
    __slots__ = ('v',)

    def get(self):
        return self.v


sl = Sl()
sl.v = 5
out = []
for i in range(3):
    out.append(sl.get())
    lst = []
    lst.append(i)
    out.append(lst)
print(out)

# The global cache of a redefined global and builtin.
def use_len(x):
    return len(x)


print(use_len([1, 2]))
len = lambda x: 'my len'
print(use_len([1, 2]))
del len
print(use_len([1, 2]))
import builtins
builtins.len, orig = (lambda x: 'builtin replaced'), builtins.len
print(use_len([1, 2]))
builtins.len = orig
print(use_len([1, 2]))
