a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is c)
x = object()
print(id(x) == id(x), type(id(x)).__name__)
print(None is None, True is (1 == 1))
