class A: pass
print(A, A.__name__, repr(A), str(int), str(type(None)), repr(type))
class B:
    class Inner: pass
print(B.Inner, B.Inner.__qualname__)
print(int, list, dict, object, type(len), type(print).__name__)
