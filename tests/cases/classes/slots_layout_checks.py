# Member descriptors and __class__ assignment check the instance's layout.

class A:
    __slots__ = ('x',)

class B:
    x = A.x          # A's slot descriptor, used on instances without that slot

class C:
    __slots__ = ('y',)
    x = A.x

class D(A):
    __slots__ = ('z',)

def attempt(what, f):
    try:
        print(what, f())
    except (TypeError, AttributeError) as e:
        print(what, type(e).__name__ + ":", e)

b = B()
c = C()
attempt("get on unrelated", lambda: b.x)
attempt("set on unrelated", lambda: setattr(b, "x", 5))
attempt("delete on unrelated", lambda: delattr(b, "x"))
attempt("get on other slotted", lambda: c.x)
attempt("set on other slotted", lambda: setattr(c, "x", 5))

d = D()
attempt("unset slot", lambda: d.x)
d.x = 10
d.z = 20
print("subclass instance", d.x, d.z)
del d.x
attempt("deleted slot", lambda: d.x)
print("class access", type(A.__dict__['x']).__name__)

# __class__ assignment needs the same layout, including slots and __dict__.
class E:
    __slots__ = ('x',)

class F:
    pass

e = E()
e.x = 3
for target in (A, F, D):
    try:
        e.__class__ = target
        print("assigned", target.__name__, type(e).__name__)
    except TypeError as err:
        print("TypeError:", err)
    e.__class__ = E
print(e.x)

class G:
    pass

g = G()
g.__class__ = F
g.v = 1
print(type(g).__name__, g.__dict__)
del G
print(type(g).__name__, g.v)
