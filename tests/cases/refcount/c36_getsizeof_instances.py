import sys
class A: pass
class S:
    __slots__ = ('a', 'b')
a = A(); a.x = 1
print(sys.getsizeof(A()), sys.getsizeof(a), sys.getsizeof(S()))
