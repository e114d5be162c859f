class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(bool, int), issubclass(int, object))
print(isinstance(True, int), isinstance(1, bool), isinstance('s', str), isinstance([], (list, tuple)))
print(type(b) is B, type(b) is A, type(B), type(type), type(object))
try:
    isinstance(b, 'A')
except TypeError as e:
    print(e)
try:
    issubclass(b, A)
except TypeError as e:
    print(e)
