# gc.get_referents and gc.get_referrers (check C21, C29): what each type's
# traverse reports, in CPython's order.
import gc

print(gc.get_referents([1, "a", None]), gc.get_referents(1, "x"), gc.get_referents((1, 2), [3]))
print(gc.get_referents({"a": 1, "b": 2}), gc.get_referents({1: "x", 2: "y"}))
print(sorted(gc.get_referents({1, 2, 3})), gc.get_referents(frozenset()))
print(gc.get_referents(int))


class C:
    def m(self):
        return 1


c = C()
c.x = 10
c.y = "why"
print(gc.get_referents(c) == [10, "why", C])
print([type(r).__name__ for r in gc.get_referents(c.m)])
print(gc.get_referents(c.m)[1] is c)
sup = super(C, c)
print([r is c or r is C for r in gc.get_referents(sup)])


class S:
    __slots__ = ("p", "q")


s = S()
s.p = [1]
print(gc.get_referents(s) == [[1], S])
s.q = "q"
print(gc.get_referents(s) == [[1], "q", S])

cell = (lambda: c)
print([type(r).__name__ for r in gc.get_referents(cell.__closure__ if cell.__closure__ else ())])


def outer():
    v = [1, 2]

    def inner():
        return v

    return inner


fn = outer()
cells = fn.__closure__
print([type(r).__name__ for r in gc.get_referents(cells[0])], gc.get_referents(cells[0]) == [[1, 2]])
refs = gc.get_referents(fn)
print(any(r is fn.__code__ for r in refs), any(r is fn.__globals__ for r in refs), any(r is cells for r in refs))

it = iter([7, 8])
print(gc.get_referents(it))
print(gc.get_referents(slice(1, [2], 3)))
print([type(r).__name__ for r in gc.get_referents({}.keys())])

x = []
y = [x]
print(any(r is y for r in gc.get_referrers(x)))
holder = {"k": x}
print(sum(1 for r in gc.get_referrers(x) if r is holder or r is y))
gc.freeze()
print(any(r is y for r in gc.get_referrers(x)))
gc.unfreeze()
print(any(r is y for r in gc.get_referrers(x)))
print(gc.get_referrers() == [])
