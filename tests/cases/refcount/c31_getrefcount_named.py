import sys
x = object()
print(sys.getrefcount(x))
l = [x, x]
print(sys.getrefcount(x))
del l
print(sys.getrefcount(x))
