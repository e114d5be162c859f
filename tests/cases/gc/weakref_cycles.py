# Weak references and the collector (GC-9 h, WREF-4, WREF-5; checks C42, C44):
# weakrefs to garbage are cleared before any __del__ runs, callbacks run only
# for weakrefs that are themselves reachable, and a reachable weakref that
# dies right after its callback counts in gc.collect()'s result.
import gc
import weakref

gc.collect()


class C:
    def __del__(self):
        print("__del__, weakref alive:", r() is not None)


c = C()
c.self = c
r = weakref.ref(c, lambda w: print("callback"))
del c
print(gc.collect())


class O:
    pass


d = weakref.WeakValueDictionary()
a = O()
b = O()
b.me = b
d["a"] = a
d["b"] = b
del a, b
print(sorted(d.keys()))
gc.collect()
print(len(d))

# A weakref that is part of the garbage never calls back.
x = O()
x.me = x
x.wr = weakref.ref(x, lambda w: print("never printed"))
del x
print(gc.collect())

# A weakref inside the garbage to a live object: no callback when the garbage goes.
live = O()
g = O()
g.me = g
g.wr = weakref.ref(live, lambda w: print("never printed either"))
del g
print(gc.collect(), live is not None)

# A reachable weakref whose only reference is dropped by its own callback.
holder = []
y = O()
y.me = y
holder.append(weakref.ref(y, lambda w: holder.clear()))
del y
print(gc.collect(), holder)

# Callbacks of several weakrefs to one garbage object: most recent first.
z = O()
z.me = z
refs = [weakref.ref(z, lambda w, i=i: print("callback", i)) for i in range(3)]
del z
print(gc.collect(), [w() for w in refs])

# WeakKeyDictionary and WeakSet lose entries whose keys die in cycles.
wk = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
k1 = O()
k1.me = k1
k2 = O()
wk[k1] = "cyclic"
wk[k2] = "plain"
ws.add(k1)
ws.add(k2)
del k1
print(len(wk), len(ws))
gc.collect()
print(len(wk), len(ws), list(wk.values()))

# A proxy to garbage is dead after the collection.
p_target = O()
p_target.me = p_target
p = weakref.proxy(p_target)
del p_target
gc.collect()
try:
    p.me
except ReferenceError as e:
    print("ReferenceError:", e)

# weakref.finalize on an object that dies in a cycle.
f_obj = O()
f_obj.me = f_obj
fin = weakref.finalize(f_obj, print, "finalized by the collector")
del f_obj
print(fin.alive)
gc.collect()
print(fin.alive)

# A cycle of weakrefs' owners with __del__: __del__ sees weakrefs already dead.
class Pair:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "partner ref dead:", self.partner_ref() is None)


p1 = Pair("p1")
p2 = Pair("p2")
p1.partner = p2
p2.partner = p1
p1.partner_ref = weakref.ref(p2)
p2.partner_ref = weakref.ref(p1)
del p1, p2
print(gc.collect())
