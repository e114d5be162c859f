# The gc module's functions, constants and argument errors (memory-model §2.1,
# checks C01-C08, C22, C27-C30).
import gc


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(gc.get_threshold())
print(gc.isenabled(), gc.get_debug(), gc.garbage, gc.callbacks)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(sorted(x for x in dir(gc) if not x.startswith("__")))
print(type(gc.collect).__name__, gc.collect.__name__)

print(gc.set_threshold(100), gc.get_threshold())
gc.set_threshold(5, 6, 7)
print(gc.get_threshold())
gc.set_threshold(-5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)

attempt("set_threshold()", lambda: gc.set_threshold())
attempt("set_threshold(1,2,3,4)", lambda: gc.set_threshold(1, 2, 3, 4))
attempt("set_threshold('a')", lambda: gc.set_threshold("a"))
attempt("set_threshold(1.5)", lambda: gc.set_threshold(1.5))
attempt("set_threshold(kw)", lambda: gc.set_threshold(1, x=2))
attempt("set_threshold(2**40)", lambda: gc.set_threshold(2**40))
attempt("set_threshold(-2**40)", lambda: gc.set_threshold(-(2**40)))
print(gc.get_threshold())

gc.collect()
print(gc.get_count(), type(gc.get_count()).__name__)
for g in (3, -1):
    attempt("collect(%d)" % g, lambda: gc.collect(g))
attempt("collect('x')", lambda: gc.collect("x"))
attempt("collect(1.5)", lambda: gc.collect(1.5))
attempt("collect(1, 2)", lambda: gc.collect(1, 2))
attempt("collect(foo=1)", lambda: gc.collect(foo=1))
attempt("collect(generation=0)", lambda: gc.collect(generation=0))
attempt("collect(True)", lambda: gc.collect(True))

for g in (3, -2):
    attempt("get_objects(%d)" % g, lambda: gc.get_objects(g))
attempt("get_objects('a')", lambda: gc.get_objects("a"))
attempt("get_objects(1, 2)", lambda: gc.get_objects(1, 2))
print(type(gc.get_objects()).__name__, type(gc.get_objects(-1)).__name__, type(gc.get_objects(None)).__name__)
probe = [[]]
print(any(o is probe for o in gc.get_objects()), any(o is probe for o in gc.get_objects(generation=0)))

attempt("is_tracked()", lambda: gc.is_tracked())
attempt("is_tracked(1, 2)", lambda: gc.is_tracked(1, 2))
attempt("is_finalized()", lambda: gc.is_finalized())
attempt("set_debug()", lambda: gc.set_debug())
attempt("set_debug('a')", lambda: gc.set_debug("a"))
attempt("set_debug(2**70)", lambda: gc.set_debug(2**70))
attempt("set_debug(-1)", lambda: gc.set_debug(-1))
attempt("get_debug()", lambda: gc.get_debug())
attempt("set_debug(0)", lambda: gc.set_debug(0))
attempt("enable(1)", lambda: gc.enable(1))
attempt("get_count(1)", lambda: gc.get_count(1))
attempt("freeze(1)", lambda: gc.freeze(1))
attempt("get_stats(1)", lambda: gc.get_stats(1))
attempt("get_referents(x=1)", lambda: gc.get_referents(x=1))
attempt("get_referrers(x=1)", lambda: gc.get_referrers(x=1))

print([sorted(d) for d in gc.get_stats()], len(gc.get_stats()))
print([list(d) for d in gc.get_stats()][0])

gc.disable()
print(gc.isenabled(), gc.enable(), gc.isenabled())

gc.collect()
x = [[] for _ in range(50)]
gc.freeze()
print(gc.get_count()[0], gc.get_freeze_count() > 50)
print(any(o is x for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count(), any(o is x for o in gc.get_objects(2)))

gc.collect()
gc.disable()
y = [[] for _ in range(1000)]
print(gc.get_count()[0] >= 1000)
gc.enable()
z = []
print(gc.get_count()[1])
