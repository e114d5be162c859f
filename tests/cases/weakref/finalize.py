# weakref.finalize: called once, when the object dies, when called, or at
# exit (newest first, only those with atexit=True).
import weakref


class F:
    pass


f = F()
fin = weakref.finalize(f, print, 'finalized', 1, sep='-')
print(fin.alive, fin.atexit, fin.peek()[1:], fin.peek()[0] is f)
del f
print(fin.alive, fin.peek(), fin(), fin.detach())

g = F()
fin2 = weakref.finalize(g, lambda *a, **k: ('result', a, k), 1, key=2)
print(fin2(), fin2.alive, fin2())

h = F()
fin3 = weakref.finalize(h, print, 'never')
det = fin3.detach()
print(det[0] is h, det[1] is print, det[2:], fin3.alive, fin3.detach())
del h

r = repr(weakref.finalize(F(), print))
print(r.startswith('<finalize object at 0x'), r.endswith('; dead>'))
live = F()
r = repr(weakref.finalize(live, print))
print(" for 'F' at 0x" in r)


keep = [F() for _ in range(4)]
for i, o in enumerate(keep):
    weakref.finalize(o, print, 'at exit', i)
q = weakref.finalize(keep[1], print, 'not run: atexit is False')
q.atexit = False
print(q.atexit)
print('end of script')
