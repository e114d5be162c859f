import sys
x = object()
print(sys.getrefcount(x))
l = [x, x]
print(sys.getrefcount(x))
del l
print(sys.getrefcount(x))
print(sys.getrefcount(object()), sys.getrefcount([]))
y = x
print(sys.getrefcount(x))
d = {'k': x}
print(sys.getrefcount(x))
del d, y
print(sys.getrefcount(x))
print(sys.getrefcount(None) > 1000, sys.getrefcount(1) > 100)
