class A:
    def f(self): return 'A.f'
    @classmethod
    def c(cls): return 'A.c ' + cls.__name__
class B(A):
    def f(self): return 'B.f>' + super().f()
    @classmethod
    def c(cls): return 'B.c>' + super().c()
class C(B):
    def f(self): return 'C.f>' + super(B, self).f()
print(B().f(), C().f(), B.c(), C.c())
print(super(C, C()).f())
class D(A):
    def f(self):
        g = lambda: super(D, self).f()
        return 'D.f>' + g()
print(D().f())
